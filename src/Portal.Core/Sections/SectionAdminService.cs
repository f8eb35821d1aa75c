using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Sections;

/// <summary>
/// What an administrator submits for a section: its names, slug, parent and visibility, and its
/// optional 栏目描述 and 栏目关键词 (the ColumnDescription and ColumnKeywords tags, the section feed),
/// how many reviews its articles need (<see cref="SectionReviewLevels"/>), and its 栏目类型 with
/// what that type carries (<see cref="SectionKindRules"/>).
/// </summary>
public sealed record SectionChange(
    string Name, string MenuLabel, string Slug, int? ParentId, bool ShowInMenu, string? Description, string? Keywords,
    int ReviewLevels = SectionReviewLevels.Default,
    SectionKind Kind = SectionKind.List,
    SectionUpdateClass UpdateClass = SectionUpdateClass.News,
    bool HideWhenEmpty = false,
    string? LinkUrl = null);

/// <summary>A section in the admin tree list: depth-first order, with its depth for indentation.</summary>
public sealed record SectionAdminRow(
    int Id, int? ParentId, int Depth, string Name, string MenuLabel, string Slug, string Path,
    bool ShowInMenu, bool IsFirst, bool IsLast, int ChildCount, int ArticleCount, int ReviewLevels,
    SectionKind Kind = SectionKind.List, int? PageArticleId = null);

/// <summary>
/// 栏目管理: create, rename, re-slug, move, reorder and hide sections, and set their review levels. A change of slug or parent
/// records the old public path of the section and of every section below it, so links that
/// readers and other sites hold answer with a 301 to the new address. Every change is saved
/// together with its audit entry (both or neither).
/// </summary>
public sealed class SectionAdminService(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// The possible parents of section <paramref name="id"/> (of a new one when null): every
    /// section but its own subtree, indented; with its current path when it exists.
    /// </summary>
    public async Task<(IReadOnlyList<Choice> Parents, string? CurrentPath)> ParentChoicesAsync(int? id, CancellationToken cancellationToken = default)
    {
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        var self = id is { } sectionId ? tree.Find(sectionId) : null;
        var excluded = self is null ? [] : SectionTree.SelfAndDescendantIds(self).ToHashSet();
        var parents = tree.Indented()
            .Where(s => !excluded.Contains(s.Node.Id))
            .Select(s => new Choice(s.Node.Id.ToString(CultureInfo.InvariantCulture), s.Label))
            .ToList();
        return (parents, self?.Path);
    }

    /// <summary>
    /// Every section in tree order (parents before children, siblings in menu order); a 单页
    /// section's row names its page article (the newest one not in the recycle bin), when it has one.
    /// </summary>
    public async Task<IReadOnlyList<SectionAdminRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        var levels = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ReviewLevels, cancellationToken);
        var articleCounts = await db.Articles.GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SectionId, x => x.Count, cancellationToken);
        var pageSectionIds = tree.Roots.SelectMany(SectionTree.SelfAndDescendants).Where(n => n.Kind == SectionKind.Page).Select(n => n.Id).ToList();
        var pageArticles = pageSectionIds.Count == 0
            ? []
            : await db.Articles.Where(a => a.DeletedAt == null && pageSectionIds.Contains(a.SectionId))
                .GroupBy(a => a.SectionId)
                .Select(g => new { SectionId = g.Key, Id = g.Max(a => a.Id) })
                .ToDictionaryAsync(x => x.SectionId, x => x.Id, cancellationToken);
        var rows = new List<SectionAdminRow>();
        void Walk(IReadOnlyList<SectionNode> siblings, int depth)
        {
            for (var i = 0; i < siblings.Count; i++)
            {
                var n = siblings[i];
                rows.Add(new SectionAdminRow(
                    n.Id, n.ParentId, depth, n.Name, n.MenuLabel, n.Slug, n.Path, n.ShowInMenu,
                    i == 0, i == siblings.Count - 1, n.Children.Count, articleCounts.GetValueOrDefault(n.Id),
                    levels.GetValueOrDefault(n.Id, SectionReviewLevels.Default),
                    n.Kind, pageArticles.TryGetValue(n.Id, out var pageId) ? pageId : null));
                Walk(n.Children, depth + 1);
            }
        }

        Walk(tree.Roots, 0);
        return rows;
    }

    /// <summary>The section's current values, for the edit form; null when it does not exist.</summary>
    public Task<SectionChange?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Sections.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SectionChange(s.Name, s.MenuLabel, s.Slug, s.ParentId, s.ShowInMenu, s.Description, s.Keywords, s.ReviewLevels, s.Kind, s.UpdateClass, s.HideWhenEmpty, s.LinkUrl))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<CommandResult> CreateAsync(SectionChange change, CancellationToken cancellationToken = default)
    {
        change = Normalize(change);
        var errors = ValidateFields(change);
        change = SectionKindRules.Normalize(change, errors);
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        var parent = change.ParentId is { } parentId ? tree.Find(parentId) : null;
        if (change.ParentId is not null && parent is null)
        {
            errors.Add(new FieldError(nameof(SectionChange.ParentId), "上级栏目不存在。"));
        }

        var path = PathUnder(parent, change.Slug);
        if (errors.Count == 0 && PathTooLong(path.Length) is { } tooLong)
        {
            errors.Add(tooLong);
        }

        if (errors.Count == 0 && await SlugTakenAsync(change.ParentId, change.Slug, exceptId: null, cancellationToken))
        {
            errors.Add(SlugTaken());
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        // The audit entry names the new id, which exists only after the insert: two saves in one
        // transaction keep "both or neither". The unit builds its rows from a clear change tracker,
        // so a retrying execution strategy can run it again from its start (decision 0003).
        return await db.InTransactionAsync(
            async () =>
            {
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow().UtcDateTime;
                var section = new Section
                {
                    Name = change.Name,
                    MenuLabel = change.MenuLabel,
                    Slug = change.Slug,
                    ParentId = change.ParentId,
                    ShowInMenu = change.ShowInMenu,
                    Description = change.Description,
                    Keywords = change.Keywords,
                    ReviewLevels = change.ReviewLevels,
                    Kind = change.Kind,
                    UpdateClass = change.UpdateClass,
                    HideWhenEmpty = change.HideWhenEmpty,
                    LinkUrl = change.LinkUrl,
                    SortOrder = await NextSortOrderAsync(change.ParentId, cancellationToken),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Sections.Add(section);
                await db.SaveChangesAsync(cancellationToken);
                audit.Add(AuditActions.SectionChange, "section", IdText(section.Id), $"新建栏目“{section.Name}”，路径 /{path}，审核级数：{SectionReviewLevels.ShortName(section.ReviewLevels)}，栏目类型：{SectionKindRules.Name(section.Kind)}");
                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Ok($"已新建栏目“{section.Name}”。", section.Id);
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Renames, re-slugs, moves and shows/hides a section in one change. A new slug or parent
    /// writes a redirect from every old path below the section to its new one.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(int id, SectionChange change, CancellationToken cancellationToken = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return CommandResult.NotFound("栏目不存在或已被删除。");
        }

        change = Normalize(change);
        var errors = ValidateFields(change);
        change = SectionKindRules.Normalize(change, errors);
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        var node = tree.Find(id)!;
        SectionNode? parent = null;
        if (change.ParentId is { } parentId)
        {
            parent = tree.Find(parentId);
            if (parent is null)
            {
                errors.Add(new FieldError(nameof(SectionChange.ParentId), "上级栏目不存在。"));
            }
            else if (SectionTree.SelfAndDescendantIds(node).Contains(parentId))
            {
                errors.Add(new FieldError(nameof(SectionChange.ParentId), "不能把栏目移到它自己或它的下级栏目下面。"));
            }
        }

        var pathChanges = section.Slug != change.Slug || section.ParentId != change.ParentId;
        var newPath = PathUnder(parent, change.Slug);
        var oldPaths = SectionTree.SelfAndDescendantIds(node).ToDictionary(i => i, i => tree.Find(i)!.Path);
        if (errors.Count == 0 && pathChanges)
        {
            // Every path below the section changes with it; the longest must still fit.
            var deepest = oldPaths.Values.Max(p => p.Length) - node.Path.Length;
            if (PathTooLong(newPath.Length + deepest) is { } tooLong)
            {
                errors.Add(tooLong);
            }
        }

        if (errors.Count == 0 && await SlugTakenAsync(change.ParentId, change.Slug, exceptId: id, cancellationToken))
        {
            errors.Add(SlugTaken());
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var details = new List<string>();
        void Note(string label, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                details.Add($"{label}：{before ?? "（无）"} → {after ?? "（无）"}");
            }
        }

        Note("名称", section.Name, change.Name);
        Note("菜单名称", section.MenuLabel, change.MenuLabel);
        Note("在菜单中显示", section.ShowInMenu ? "是" : "否", change.ShowInMenu ? "是" : "否");
        Note("栏目描述", section.Description, change.Description);
        Note("栏目关键词", section.Keywords, change.Keywords);
        Note("审核级数", SectionReviewLevels.ShortName(section.ReviewLevels), SectionReviewLevels.ShortName(change.ReviewLevels));
        Note("更新类别", SectionKindRules.Name(section.UpdateClass), SectionKindRules.Name(change.UpdateClass));
        Note("无内容时不显示", section.HideWhenEmpty ? "是" : "否", change.HideWhenEmpty ? "是" : "否");
        Note("链接地址", section.LinkUrl, change.LinkUrl);
        if (pathChanges)
        {
            details.Add($"路径：/{node.Path} → /{newPath}");
            if (section.ParentId != change.ParentId)
            {
                section.SortOrder = await NextSortOrderAsync(change.ParentId, cancellationToken);
            }

            await RecordRedirectsAsync(oldPaths, node.Path, newPath, cancellationToken);
        }

        // A change of type has its own audit action (the inspection and the content depend on
        // it); the section's articles stay where they are whatever the type.
        var kindChanged = section.Kind != change.Kind;
        var saved = $"已保存栏目“{change.Name}”。";
        if (details.Count == 0 && !kindChanged)
        {
            return CommandResult.Ok(saved, id);
        }

        section.Name = change.Name;
        section.MenuLabel = change.MenuLabel;
        section.Slug = change.Slug;
        section.ParentId = change.ParentId;
        section.ShowInMenu = change.ShowInMenu;
        section.Description = change.Description;
        section.Keywords = change.Keywords;
        section.ReviewLevels = change.ReviewLevels;
        section.UpdateClass = change.UpdateClass;
        section.HideWhenEmpty = change.HideWhenEmpty;
        section.LinkUrl = change.LinkUrl;
        section.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (kindChanged)
        {
            audit.Add(AuditActions.SectionKindChange, "section", IdText(id), SectionKindRules.KindChangeDetails(change.Name, section.Kind, change.Kind));
            section.Kind = change.Kind;
        }

        if (details.Count > 0)
        {
            audit.Add(AuditActions.SectionChange, "section", IdText(id), $"栏目“{change.Name}”：" + string.Join("；", details));
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(saved, id);
    }

    /// <summary>Moves a section one place up (<paramref name="offset"/> −1) or down (+1) among its siblings.</summary>
    public async Task<CommandResult> ReorderAsync(int id, int offset, CancellationToken cancellationToken = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return CommandResult.NotFound("栏目不存在或已被删除。");
        }

        var siblings = await db.Sections.Where(s => s.ParentId == section.ParentId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var moved = Reordering.Swap(siblings, siblings.FindIndex(s => s.Id == id), offset, (s, order) => s.SortOrder = order);
        if (moved)
        {
            audit.Add(AuditActions.SectionChange, "section", IdText(id), $"栏目“{section.Name}”{Reordering.Direction(offset)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(Reordering.Outcome(offset, moved), id);
    }

    /// <summary>Shows or hides a section in the main menu (its page stays reachable).</summary>
    public async Task<CommandResult> SetShowInMenuAsync(int id, bool show, CancellationToken cancellationToken = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return CommandResult.NotFound("栏目不存在或已被删除。");
        }

        if (section.ShowInMenu != show)
        {
            section.ShowInMenu = show;
            section.UpdatedAt = time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.SectionChange, "section", IdText(id), $"栏目“{section.Name}”{(show ? "在菜单中显示" : "从菜单中隐藏")}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(show ? $"栏目“{section.Name}”已在主菜单中显示。" : $"栏目“{section.Name}”已从主菜单中隐藏。", id);
    }

    /// <summary>Deletes a section that has no sub-sections and no articles (nothing is lost).</summary>
    public async Task<CommandResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return CommandResult.NotFound("栏目不存在或已被删除。");
        }

        if (await db.Sections.AnyAsync(s => s.ParentId == id, cancellationToken)
            || await db.Articles.AnyAsync(a => a.SectionId == id, cancellationToken))
        {
            return CommandResult.Invalid("只能删除没有下级栏目、也没有文章的栏目。");
        }

        // A 待审修改 moving an article here would find its section gone when it is approved.
        if (await db.Articles.AnyAsync(a => a.PendingRevision != null && db.ArticleRevisions.Any(r => r.ArticleId == a.Id && r.Number == a.PendingRevision && r.SectionId == id), cancellationToken))
        {
            return CommandResult.Invalid("有文章的待审修改要移到这个栏目，不能删除。请先处理这些待审修改。");
        }

        // An editor with no section rows may write everywhere: dropping an editor's last limit
        // would silently widen their rights, so an administrator changes the limits first.
        if (await db.UserSections.AnyAsync(u => u.SectionId == id, cancellationToken))
        {
            return CommandResult.Invalid("有编辑被限定在此栏目，请先在“用户”中调整他们的可编辑栏目，再删除栏目。");
        }

        // The key refuses it too (Restrict), but as an error page: say which block holds it.
        if (await db.HomeBlocks.AnyAsync(b => b.SectionId == id, cancellationToken))
        {
            return CommandResult.Invalid("首页布局中有栏目区块使用此栏目，请先在“首页布局”中移除该区块，再删除栏目。");
        }

        db.Sections.Remove(section);
        audit.Add(AuditActions.SectionChange, "section", IdText(id), $"删除栏目“{section.Name}”（/{section.Slug}）");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok($"栏目“{section.Name}”已删除。", id);
    }

    private async Task RecordRedirectsAsync(Dictionary<int, string> oldPaths, string oldRoot, string newRoot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var newPaths = oldPaths.Values.Select(p => newRoot + p[oldRoot.Length..]).ToList();
        var keys = oldPaths.Values.Concat(newPaths).ToList();
        var existing = await db.SectionRedirects.Where(r => keys.Contains(r.OldPath)).ToListAsync(cancellationToken);

        // A path that becomes live again (moved back) must not keep redirecting away.
        db.SectionRedirects.RemoveRange(existing.Where(r => newPaths.Contains(r.OldPath)));
        foreach (var (sectionId, oldPath) in oldPaths)
        {
            var row = existing.FirstOrDefault(r => r.OldPath == oldPath);
            if (row is null)
            {
                db.SectionRedirects.Add(new SectionRedirect { OldPath = oldPath, SectionId = sectionId, CreatedAt = now });
            }
            else
            {
                row.SectionId = sectionId;
                row.CreatedAt = now;
            }
        }
    }

    private Task<int> NextSortOrderAsync(int? parentId, CancellationToken cancellationToken) =>
        Reordering.NextAsync(db.Sections.Where(s => s.ParentId == parentId).Select(s => s.SortOrder), cancellationToken);

    private static string PathUnder(SectionNode? parent, string slug) => parent is null ? slug : parent.Path + "/" + slug;

    /// <summary>
    /// Paths are stored whole in redirects (<see cref="SectionRedirect.OldPath"/>): a path longer
    /// than the column would fail on the server databases instead of being refused here.
    /// </summary>
    private static FieldError? PathTooLong(int length) => length <= FieldLengths.SectionPath
        ? null
        : new(nameof(SectionChange.Slug), $"栏目路径（含上级和下级栏目的英文标识）不能超过 {FieldLengths.SectionPath} 个字符，此修改后将达到 {length} 个字符；请缩短英文标识或选择层级较浅的上级栏目。");

    // The unique (ParentId, Slug) index does not catch two top-level sections on every database
    // (NULLs are distinct in SQL Server's filtered/PostgreSQL's indexes), so the check is here.
    private Task<bool> SlugTakenAsync(int? parentId, string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Sections.AnyAsync(s => s.ParentId == parentId && s.Slug == slug && s.Id != exceptId, cancellationToken);

    private static FieldError SlugTaken() => new(nameof(SectionChange.Slug), "同一上级栏目下已有使用此英文标识的栏目。");

    private static SectionChange Normalize(SectionChange change) => change with
    {
        Name = change.Name.Trim(),
        MenuLabel = change.MenuLabel.Trim(),
        Slug = change.Slug.Trim(),
        Description = Optional(change.Description),
        Keywords = Optional(change.Keywords),
    };

    // An optional text left blank is stored as null, so "not set" has one form (and no tag is written).
    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<FieldError> ValidateFields(SectionChange change)
    {
        var errors = new List<FieldError>();
        if (change.Name.Length == 0 || change.Name.Length > FieldLengths.SectionName)
        {
            errors.Add(new(nameof(SectionChange.Name), $"请填写栏目名称（不超过 {FieldLengths.SectionName} 个字）。"));
        }

        if (change.MenuLabel.Length == 0 || change.MenuLabel.Length > FieldLengths.MenuLabel)
        {
            errors.Add(new(nameof(SectionChange.MenuLabel), $"请填写菜单名称（不超过 {FieldLengths.MenuLabel} 个字）。"));
        }

        if (change.Description?.Length > FieldLengths.SectionDescription)
        {
            errors.Add(new(nameof(SectionChange.Description), $"栏目描述不能超过 {FieldLengths.SectionDescription} 个字，当前 {change.Description.Length} 个字。"));
        }

        if (change.Keywords?.Length > FieldLengths.Keywords)
        {
            errors.Add(new(nameof(SectionChange.Keywords), $"栏目关键词不能超过 {FieldLengths.Keywords} 个字，当前 {change.Keywords.Length} 个字。"));
        }

        if (!SectionReviewLevels.IsValid(change.ReviewLevels))
        {
            errors.Add(new(nameof(SectionChange.ReviewLevels), SectionReviewLevels.InvalidMessage));
        }

        if (!SectionSlug.IsValid(change.Slug))
        {
            errors.Add(new(nameof(SectionChange.Slug),
                SectionSlug.Reserved.Contains(change.Slug)
                    ? $"“{change.Slug}”是网站保留的路径，不能用作栏目标识。"
                    : $"英文标识只能包含小写字母、数字和单个连字符（-），不超过 {FieldLengths.Slug} 个字符。"));
        }

        return errors;
    }

    private static string IdText(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
