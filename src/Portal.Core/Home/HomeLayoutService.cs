using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Home;

/// <summary>
/// 首页布局: the home page's blocks (add, edit, reorder, remove, never the last one) and the links
/// of its 专题 and 快捷链接 blocks, with the same 上移/下移 and address rule as the footer links.
/// While no block is saved the page shows the default layout; the first change saves that layout
/// as rows and applies itself in the same <c>SaveChanges</c>, so one transaction holds both, and a
/// refused change writes nothing. Every change is audited (<see cref="AuditActions.HomeChange"/>).
/// </summary>
public sealed class HomeLayoutService(PortalDbContext db, SiteContext site, AuditLog audit, TimeProvider time)
{
    /// <summary>The address rule of <see cref="LinkUrl"/> in words, for a link that must have an address.</summary>
    public const string UrlRule = "链接地址必须是以 http:// 或 https:// 开头的完整地址，或以 / 开头的本站路径，不要填写 # 或 javascript:。";

    private const string StaleDefault = "首页布局已被他人修改，请刷新页面后重试。";

    public async Task<HomeLayoutAdmin> ListAsync(CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var rows = await db.HomeBlocks.AsNoTracking()
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id,
                b.Kind,
                b.Title,
                b.SectionId,
                b.Count,
                Links = b.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
                    .Select(l => new HomeLinkAdminRow(l.Id, l.HomeBlockId, l.Label, l.Url, l.ImageId, db.MediaFiles.Where(m => m.Id == l.ImageId).Select(m => m.StoredName).FirstOrDefault(), l.AltText))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            var defaults = HomeBlockRules.DefaultLayout(sections, Now);
            return new HomeLayoutAdmin(defaults.Select((b, i) => Row(-(i + 1), b, sections, [])).ToList(), IsDefault: true);
        }

        return new HomeLayoutAdmin(
            rows.Select(r => new HomeBlockAdminRow(r.Id, r.Kind, r.Title, r.SectionId, SectionName(sections, r.SectionId), r.Count, r.Links)).ToList(),
            IsDefault: false);
    }

    /// <summary>The sections a 栏目 block may list, indented by level (链接 sections have no articles).</summary>
    public async Task<List<Choice>> SectionChoicesAsync(CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        return sections.Indented().Where(s => s.Node.Kind != SectionKind.Link)
            .Select(s => new Choice(IdText(s.Node.Id), s.Label)).ToList();
    }

    /// <summary>A block for its edit form (a default one by its negative id), or null.</summary>
    public async Task<HomeBlockAdminRow?> GetBlockAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Blocks.FirstOrDefault(b => b.Id == id);

    public Task<HomeLinkAdminRow?> GetLinkAsync(int id, CancellationToken cancellationToken = default) =>
        db.HomeBlockLinks.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new HomeLinkAdminRow(l.Id, l.HomeBlockId, l.Label, l.Url, l.ImageId, db.MediaFiles.Where(m => m.Id == l.ImageId).Select(m => m.StoredName).FirstOrDefault(), l.AltText))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds a block at the end of the page.</summary>
    public async Task<CommandResult> AddBlockAsync(HomeBlockKind kind, string? title, int? sectionId, int count, CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        if (!Enum.IsDefined(kind))
        {
            return CommandResult.Invalid("Kind", "请选择区块类型。");
        }

        var errors = HomeBlockRules.Check(kind, ref title, ref sectionId, ref count, sections);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var (blocks, materialised) = await LoadForChangeAsync(sections, cancellationToken);
        var block = new HomeBlock { Kind = kind, Title = title, SectionId = sectionId, Count = count, SortOrder = blocks.Count, UpdatedAt = Now };
        db.HomeBlocks.Add(block);
        var name = Describe(block, sections);
        audit.Add(AuditActions.HomeChange, "home-block", null, $"新增首页区块：{name}");
        if (!await SaveAsync(materialised, cancellationToken))
        {
            return CommandResult.Invalid(StaleDefault);
        }
        return CommandResult.Ok($"已添加首页区块“{name}”。", block.Id);
    }

    /// <summary>Changes a block's title, section (栏目) and count; its kind stays.</summary>
    public async Task<CommandResult> UpdateBlockAsync(int id, string? title, int? sectionId, int count, CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var (blocks, materialised) = await LoadForChangeAsync(sections, cancellationToken);
        if (Find(blocks, id, materialised) is not { } block)
        {
            return id < 0 ? CommandResult.Invalid(StaleDefault) : CommandResult.NotFound("首页区块不存在或已被删除。");
        }

        var errors = HomeBlockRules.Check(block.Kind, ref title, ref sectionId, ref count, sections);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var before = Describe(block, sections);
        var details = new List<string>();
        if (block.Title != title)
        {
            details.Add($"标题：{block.Title ?? "（默认）"} → {title ?? "（默认）"}");
        }

        if (block.SectionId != sectionId)
        {
            details.Add($"栏目：{SectionName(sections, block.SectionId) ?? "（无）"} → {SectionName(sections, sectionId) ?? "（无）"}");
        }

        if (block.Count != count)
        {
            details.Add($"条数：{block.Count} → {count}");
        }

        if (details.Count > 0)
        {
            block.Title = title;
            block.SectionId = sectionId;
            block.Count = count;
            block.UpdatedAt = Now;
            audit.Add(AuditActions.HomeChange, "home-block", IdText(block.Id), $"首页区块“{before}”：" + string.Join("；", details));
            if (!await SaveAsync(materialised, cancellationToken))
            {
                return CommandResult.Invalid(StaleDefault);
            }
        }

        return CommandResult.Ok($"已保存首页区块“{Describe(block, sections)}”。", block.Id);
    }

    public async Task<CommandResult> MoveBlockAsync(int id, int offset, CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var (blocks, materialised) = await LoadForChangeAsync(sections, cancellationToken);
        if (Find(blocks, id, materialised) is not { } block)
        {
            return id < 0 ? CommandResult.Invalid(StaleDefault) : CommandResult.NotFound("首页区块不存在或已被删除。");
        }

        var moved = Reordering.Swap(blocks, blocks.IndexOf(block), offset, (b, order) => b.SortOrder = order);
        if (moved)
        {
            audit.Add(AuditActions.HomeChange, "home-block", materialised ? null : IdText(block.Id), $"首页区块“{Describe(block, sections)}”{Reordering.Direction(offset)}");
            if (!await SaveAsync(materialised, cancellationToken))
            {
                return CommandResult.Invalid(StaleDefault);
            }
        }

        return CommandResult.Ok(Reordering.Outcome(offset, moved), block.Id);
    }

    /// <summary>Removes a block with its links; the page keeps at least one block.</summary>
    public async Task<CommandResult> RemoveBlockAsync(int id, CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var (blocks, materialised) = await LoadForChangeAsync(sections, cancellationToken);
        if (Find(blocks, id, materialised) is not { } block)
        {
            return id < 0 ? CommandResult.Invalid(StaleDefault) : CommandResult.NotFound("首页区块不存在或已被删除。");
        }

        if (blocks.Count <= 1)
        {
            return CommandResult.Invalid("首页至少要保留一个区块，不能删除最后一个区块。");
        }

        var name = Describe(block, sections);
        blocks.Remove(block);
        if (materialised)
        {
            // Never saved: leaving it out of the rows is its removal.
            db.Entry(block).State = EntityState.Detached;
        }
        else
        {
            db.HomeBlocks.Remove(block);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            blocks[i].SortOrder = i;
        }

        audit.Add(AuditActions.HomeChange, "home-block", materialised ? null : IdText(block.Id), $"删除首页区块：{name}" + (block.Links.Count > 0 ? $"（含 {block.Links.Count} 个链接）" : ""));
        if (!await SaveAsync(materialised, cancellationToken))
        {
            return CommandResult.Invalid(StaleDefault);
        }
        return CommandResult.Ok($"首页区块“{name}”已删除。", block.Id);
    }

    /// <summary>Adds a link at the end of a 专题 or 快捷链接 block.</summary>
    public async Task<CommandResult> AddLinkAsync(int blockId, string label, string? url, int? imageId, string? altText, CancellationToken cancellationToken = default)
    {
        var block = await db.HomeBlocks.Include(b => b.Links).FirstOrDefaultAsync(b => b.Id == blockId, cancellationToken);
        if (block is null || !HomeBlockRules.HasLinks(block.Kind))
        {
            return CommandResult.NotFound("首页区块不存在或没有链接。");
        }

        var (errors, link) = await ValidateLinkAsync(block.Kind, label, url, imageId, altText, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        link.SortOrder = block.Links.Count == 0 ? 0 : block.Links.Max(l => l.SortOrder) + 1;
        block.Links.Add(link);
        block.UpdatedAt = Now;
        audit.Add(AuditActions.HomeChange, "home-link", null, $"首页区块“{HomeBlockRules.NameOf(block.Kind)}”新增链接“{link.Label}”（{link.Url}）");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"已添加链接“{link.Label}”。", link.Id);
    }

    public async Task<CommandResult> UpdateLinkAsync(int id, string label, string? url, int? imageId, string? altText, CancellationToken cancellationToken = default)
    {
        var link = await db.HomeBlockLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var kind = link is null ? (HomeBlockKind?)null : await db.HomeBlocks.Where(b => b.Id == link.HomeBlockId).Select(b => (HomeBlockKind?)b.Kind).FirstOrDefaultAsync(cancellationToken);
        if (link is null || kind is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        var (errors, changed) = await ValidateLinkAsync(kind.Value, label, url, imageId, altText, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var details = new List<string>();
        if (link.Label != changed.Label)
        {
            details.Add($"文字：{link.Label} → {changed.Label}");
        }

        if (link.Url != changed.Url)
        {
            details.Add($"地址：{link.Url} → {changed.Url}");
        }

        if (link.ImageId != changed.ImageId)
        {
            details.Add($"图片：{link.ImageId?.ToString(CultureInfo.InvariantCulture) ?? "（无）"} → {changed.ImageId?.ToString(CultureInfo.InvariantCulture) ?? "（无）"}");
        }

        if (link.AltText != changed.AltText)
        {
            details.Add($"替代文字：{link.AltText ?? "（无）"} → {changed.AltText ?? "（无）"}");
        }

        if (details.Count > 0)
        {
            audit.Add(AuditActions.HomeChange, "home-link", IdText(id), $"首页链接“{changed.Label}”：" + string.Join("；", details));
            link.Label = changed.Label;
            link.Url = changed.Url;
            link.ImageId = changed.ImageId;
            link.AltText = changed.AltText;
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok($"已保存链接“{link.Label}”。", id);
    }

    public async Task<CommandResult> MoveLinkAsync(int id, int offset, CancellationToken cancellationToken = default)
    {
        var blockId = await db.HomeBlockLinks.Where(l => l.Id == id).Select(l => (int?)l.HomeBlockId).FirstOrDefaultAsync(cancellationToken);
        if (blockId is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        var links = await db.HomeBlockLinks.Where(l => l.HomeBlockId == blockId).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var index = links.FindIndex(l => l.Id == id);
        var moved = Reordering.Swap(links, index, offset, (l, order) => l.SortOrder = order);
        if (moved)
        {
            audit.Add(AuditActions.HomeChange, "home-link", IdText(id), $"首页链接“{links.Single(l => l.Id == id).Label}”{Reordering.Direction(offset)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(Reordering.Outcome(offset, moved), id);
    }

    public async Task<CommandResult> RemoveLinkAsync(int id, CancellationToken cancellationToken = default)
    {
        var link = await db.HomeBlockLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return CommandResult.NotFound("链接不存在或已被删除。");
        }

        db.HomeBlockLinks.Remove(link);
        audit.Add(AuditActions.HomeChange, "home-link", IdText(id), $"删除首页链接“{link.Label}”（{link.Url}）");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"链接“{link.Label}”已删除。", id);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Saves a change. When it also saves the default layout (<paramref name="materialised"/>), it
    /// does so in a serializable transaction that first makes sure no other change saved a layout
    /// meanwhile: two first changes at once must not both save the default blocks. False when
    /// another change came first (the caller asks to reload); nothing is written then.
    /// </summary>
    private async Task<bool> SaveAsync(bool materialised, CancellationToken cancellationToken)
    {
        if (!materialised)
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        try
        {
            // SQLite takes the write lock before the check; PostgreSQL and SQL Server refuse one of
            // two overlapping serializable transactions (retried by their strategy, or caught below).
            return await db.InTransactionAsync(
                async () =>
                {
                    if (await db.HomeBlocks.AnyAsync(cancellationToken))
                    {
                        return false;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                },
                saved => saved,
                IsolationLevel.Serializable,
                cancellationToken);
        }
        catch (Exception exception) when (IsConflict(exception))
        {
            return false;
        }
        finally
        {
            // Whatever happened, nothing of this change stays tracked for a later save.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A refused overlapping write: the store's own error, or (PostgreSQL, SQL Server without a
    /// retrying strategy) the provider's "likely a transient failure" wrapper around it.
    /// </summary>
    private static bool IsConflict(Exception exception) =>
        exception is DbUpdateException or DbException
        || exception is InvalidOperationException { InnerException: DbUpdateException or DbException };

    /// <summary>
    /// The blocks, tracked, for a change. While none is saved, the default layout is added to the
    /// context (not saved): the change's own <c>SaveChanges</c> writes both, or neither when refused.
    /// </summary>
    private async Task<(List<HomeBlock> Blocks, bool Materialised)> LoadForChangeAsync(SectionTree sections, CancellationToken cancellationToken)
    {
        var blocks = await db.HomeBlocks.Include(b => b.Links).OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        if (blocks.Count > 0)
        {
            return (blocks, false);
        }

        blocks = HomeBlockRules.DefaultLayout(sections, Now);
        db.HomeBlocks.AddRange(blocks);
        audit.Add(AuditActions.HomeChange, "home", null, $"首页由默认布局保存为区块：{string.Join("、", blocks.Select(b => Describe(b, sections)))}");
        return (blocks, true);
    }

    /// <summary>A saved block by its id; a block of the default layout just added by its negative id (−1: the first).</summary>
    private static HomeBlock? Find(List<HomeBlock> blocks, int id, bool materialised) => id switch
    {
        > 0 when !materialised => blocks.FirstOrDefault(b => b.Id == id),
        < 0 when materialised && -id <= blocks.Count => blocks[-id - 1],
        _ => null,
    };

    private async Task<(List<FieldError> Errors, HomeBlockLink Link)> ValidateLinkAsync(HomeBlockKind kind, string label, string? url, int? imageId, string? altText, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        label = label.Trim();
        if (label.Length == 0 || label.Length > FieldLengths.LinkText)
        {
            errors.Add(new FieldError(nameof(HomeBlockLink.Label), $"请填写链接文字（不超过 {FieldLengths.LinkText} 个字）。"));
        }

        // The footer links' rule, except that a home-page link needs an address (it is no plain text).
        if (!LinkUrl.TryNormalize(url, out var normalized) || normalized is null)
        {
            errors.Add(new FieldError(nameof(HomeBlockLink.Url), UrlRule));
        }

        altText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (kind == HomeBlockKind.Topics)
        {
            if (imageId is not { } id || !await db.MediaFiles.AnyAsync(m => m.Id == id && m.Kind == MediaKind.Image, cancellationToken))
            {
                errors.Add(new FieldError(nameof(HomeBlockLink.ImageId), "请从媒体库中选择专题链接的图片。"));
            }

            if (altText is null || altText.Length > FieldLengths.AltText)
            {
                errors.Add(new FieldError(nameof(HomeBlockLink.AltText), $"请填写图片的替代文字（不超过 {FieldLengths.AltText} 个字），供读屏软件朗读。"));
            }
        }
        else
        {
            // 快捷链接 are text links: no image.
            imageId = null;
            altText = null;
        }

        return (errors, new HomeBlockLink { Label = label, Url = normalized ?? "", ImageId = imageId, AltText = altText });
    }

    private static HomeBlockAdminRow Row(int id, HomeBlock block, SectionTree sections, IReadOnlyList<HomeLinkAdminRow> links) =>
        new(id, block.Kind, block.Title, block.SectionId, SectionName(sections, block.SectionId), block.Count, links);

    private static string? SectionName(SectionTree sections, int? sectionId) =>
        sectionId is { } id ? sections.Find(id)?.Name ?? "（栏目已不存在）" : null;

    /// <summary>A block in words for messages and audit entries: its title, else its section's name or its kind's.</summary>
    private static string Describe(HomeBlock block, SectionTree sections) =>
        block.Title ?? (block.Kind == HomeBlockKind.Section ? $"栏目：{SectionName(sections, block.SectionId)}" : HomeBlockRules.NameOf(block.Kind));

    private static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);
}
