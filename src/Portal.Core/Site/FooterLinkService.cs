using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Site;

/// <summary>A footer link group in the admin list, with its links in order.</summary>
public sealed record FooterGroupAdminRow(int Id, string Name, IReadOnlyList<FooterLinkAdminRow> Links);

/// <summary>A footer link in the admin list; <see cref="Url"/> null means plain text.</summary>
public sealed record FooterLinkAdminRow(int Id, int GroupId, string Text, string? Url);

/// <summary>
/// 页脚链接: groups (create, rename, reorder, delete when empty) and their links (create, edit,
/// reorder, move to another group, delete). Each change is saved with its audit entry.
/// </summary>
public sealed class FooterLinkService(PortalDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<FooterGroupAdminRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var groups = await db.FooterLinkGroups.AsNoTracking()
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id,
                g.Name,
                Links = g.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
                    .Select(l => new FooterLinkAdminRow(l.Id, l.GroupId, l.Text, l.Url)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return groups.Select(g => new FooterGroupAdminRow(g.Id, g.Name, g.Links)).ToList();
    }

    public Task<FooterLinkAdminRow?> GetLinkAsync(int id, CancellationToken cancellationToken = default) =>
        db.FooterLinks.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new FooterLinkAdminRow(l.Id, l.GroupId, l.Text, l.Url))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<CommandResult> CreateGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (await ValidateGroupNameAsync(name, null, cancellationToken) is { } error)
        {
            return CommandResult.Invalid(nameof(FooterLinkGroup.Name), error);
        }

        var group = new FooterLinkGroup { Name = name, SortOrder = await Reordering.NextAsync(db.FooterLinkGroups.Select(g => g.SortOrder), cancellationToken) };
        db.FooterLinkGroups.Add(group);
        audit.Add(AuditActions.FooterChange, "footer-group", null, $"新建链接分组“{name}”");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"已新建分组“{name}”。", group.Id);
    }

    public async Task<CommandResult> RenameGroupAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        var group = await db.FooterLinkGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return CommandResult.NotFound("链接分组不存在或已被删除。");
        }

        name = name.Trim();
        if (await ValidateGroupNameAsync(name, id, cancellationToken) is { } error)
        {
            return CommandResult.Invalid(nameof(FooterLinkGroup.Name), error);
        }

        if (group.Name != name)
        {
            audit.Add(AuditActions.FooterChange, "footer-group", IdText(id), $"链接分组改名：{group.Name} → {name}");
            group.Name = name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok($"分组已改名为“{name}”。", id);
    }

    public async Task<CommandResult> MoveGroupAsync(int id, int offset, CancellationToken cancellationToken = default)
    {
        var groups = await db.FooterLinkGroups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var index = groups.FindIndex(g => g.Id == id);
        if (index < 0)
        {
            return CommandResult.NotFound("链接分组不存在或已被删除。");
        }

        var moved = Reordering.Swap(groups, index, offset, (g, order) => g.SortOrder = order);
        if (moved)
        {
            audit.Add(AuditActions.FooterChange, "footer-group", IdText(id), $"链接分组“{groups.Single(g => g.Id == id).Name}”{Reordering.Direction(offset)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(Reordering.Outcome(offset, moved), id);
    }

    /// <summary>Deletes a group that holds no links (links are never lost by accident).</summary>
    public async Task<CommandResult> DeleteGroupAsync(int id, CancellationToken cancellationToken = default)
    {
        var group = await db.FooterLinkGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return CommandResult.NotFound("链接分组不存在或已被删除。");
        }

        if (await db.FooterLinks.AnyAsync(l => l.GroupId == id, cancellationToken))
        {
            return CommandResult.Invalid("分组中还有链接，请先删除或移走这些链接。");
        }

        db.FooterLinkGroups.Remove(group);
        audit.Add(AuditActions.FooterChange, "footer-group", IdText(id), $"删除链接分组“{group.Name}”");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"分组“{group.Name}”已删除。", id);
    }

    /// <summary>Adds a link at the end of a group.</summary>
    public async Task<CommandResult> CreateLinkAsync(int groupId, string text, string? url, CancellationToken cancellationToken = default)
    {
        var errors = ValidateLink(ref text, ref url);
        if (!await db.FooterLinkGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(FooterLink.GroupId), "请选择链接分组。"));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var link = new FooterLink { GroupId = groupId, Text = text, Url = url, SortOrder = await NextOrderAsync(groupId, cancellationToken) };
        db.FooterLinks.Add(link);
        audit.Add(AuditActions.FooterChange, "footer-link", null, $"新建链接“{text}”（{url ?? "纯文本"}）");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"已新建链接“{text}”。", link.Id);
    }

    /// <summary>Changes a link's text and address, and moves it to the end of another group when the group changes.</summary>
    public async Task<CommandResult> UpdateLinkAsync(int id, int groupId, string text, string? url, CancellationToken cancellationToken = default)
    {
        var link = await db.FooterLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        var errors = ValidateLink(ref text, ref url);
        if (!await db.FooterLinkGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(FooterLink.GroupId), "请选择链接分组。"));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var details = new List<string>();
        if (link.Text != text)
        {
            details.Add($"文字：{link.Text} → {text}");
        }

        if (link.Url != url)
        {
            details.Add($"地址：{link.Url ?? "（无）"} → {url ?? "（无）"}");
        }

        if (link.GroupId != groupId)
        {
            details.Add($"分组：{link.GroupId} → {groupId}");
            link.SortOrder = await NextOrderAsync(groupId, cancellationToken);
        }

        if (details.Count > 0)
        {
            link.Text = text;
            link.Url = url;
            link.GroupId = groupId;
            audit.Add(AuditActions.FooterChange, "footer-link", IdText(id), $"链接“{text}”：" + string.Join("；", details));
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok($"已保存链接“{text}”。", id);
    }

    public async Task<CommandResult> MoveLinkAsync(int id, int offset, CancellationToken cancellationToken = default)
    {
        var link = await db.FooterLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        var links = await db.FooterLinks.Where(l => l.GroupId == link.GroupId)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var moved = Reordering.Swap(links, links.FindIndex(l => l.Id == id), offset, (l, order) => l.SortOrder = order);
        if (moved)
        {
            audit.Add(AuditActions.FooterChange, "footer-link", IdText(id), $"链接“{link.Text}”{Reordering.Direction(offset)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(Reordering.Outcome(offset, moved), id);
    }

    public async Task<CommandResult> DeleteLinkAsync(int id, CancellationToken cancellationToken = default)
    {
        var link = await db.FooterLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        db.FooterLinks.Remove(link);
        audit.Add(AuditActions.FooterChange, "footer-link", IdText(id), $"删除链接“{link.Text}”（{link.Url ?? "纯文本"}）");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"链接“{link.Text}”已删除。", id);
    }

    private async Task<string?> ValidateGroupNameAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        if (name.Length == 0 || name.Length > FieldLengths.GroupName)
        {
            return $"请填写分组名称（不超过 {FieldLengths.GroupName} 个字）。";
        }

        return await db.FooterLinkGroups.AnyAsync(g => g.Name == name && g.Id != exceptId, cancellationToken)
            ? "已有同名的分组。"
            : null;
    }

    private static List<FieldError> ValidateLink(ref string text, ref string? url)
    {
        var errors = new List<FieldError>();
        text = text.Trim();
        if (text.Length == 0 || text.Length > FieldLengths.LinkText)
        {
            errors.Add(new FieldError(nameof(FooterLink.Text), $"请填写链接文字（不超过 {FieldLengths.LinkText} 个字）。"));
        }

        if (!LinkUrl.TryNormalize(url, out var normalized))
        {
            errors.Add(new FieldError(nameof(FooterLink.Url), LinkUrl.Rule));
        }

        url = normalized;
        return errors;
    }

    private Task<int> NextOrderAsync(int groupId, CancellationToken cancellationToken) =>
        Reordering.NextAsync(db.FooterLinks.Where(l => l.GroupId == groupId).Select(l => l.SortOrder), cancellationToken);

    private static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);
}
