using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Audit;

/// <summary>
/// The read side of the audit log: newest first, filtered, paginated or streamed for export, each
/// entry with its actor's display name and its object named and linked (<see cref="AuditTarget"/>).
/// Names are looked up once per page and per kind of object, never per row. There is no write
/// side beyond <see cref="AuditLog"/>.
/// </summary>
public sealed class AuditQueries(PortalDbContext db)
{
    public const int PageSize = 50;

    /// <summary>How many entries the export reads and describes at a time.</summary>
    public const int ExportBatchSize = 500;

    /// <summary>A page of the log, described.</summary>
    public async Task<PagedList<AuditRow>> ListAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var entries = await Ordered(Filtered(filter)).Select(Projection).ToPagedListAsync(page, PageSize, cancellationToken);
        var rows = await DescribeAsync(entries.Items, cancellationToken);
        return new PagedList<AuditRow>(rows, entries.PageNumber, entries.PageSize, entries.TotalCount);
    }

    /// <summary>
    /// Every entry that <paramref name="filter"/> selects, described, newest first, read
    /// <see cref="ExportBatchSize"/> at a time (keyset paging on time and id), so an export of
    /// millions of entries holds one batch in memory.
    /// </summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filtered = Filtered(filter);
        (DateTime At, long Id)? last = null;
        while (true)
        {
            var batch = filtered;
            if (last is { } after)
            {
                batch = batch.Where(e => e.At < after.At || (e.At == after.At && e.Id < after.Id));
            }

            var entries = await Ordered(batch).Take(ExportBatchSize).Select(Projection).ToListAsync(cancellationToken);
            foreach (var row in await DescribeAsync(entries, cancellationToken))
            {
                yield return row;
            }

            if (entries.Count < ExportBatchSize)
            {
                yield break;
            }

            last = (entries[^1].At, entries[^1].Id);
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditListItem>> Projection =
        e => new AuditListItem(e.Id, e.At, e.UserId, e.UserName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress);

    private static IQueryable<AuditEntry> Ordered(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            // The name as recorded (also a login name typed at a failed login), or the display
            // name the log shows for an account.
            var name = filter.UserName.Trim();
            var ids = db.Users.Where(u => u.DisplayName == name).Select(u => u.Id);
            entries = entries.Where(e => e.UserName == name || (e.UserId != null && ids.Contains(e.UserId)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.TargetType))
        {
            entries = entries.Where(e => e.TargetType == filter.TargetType);
        }

        if (!string.IsNullOrWhiteSpace(filter.TargetId))
        {
            var id = filter.TargetId.Trim();
            entries = entries.Where(e => e.TargetId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            entries = entries.Where(e => e.Details != null && e.Details.Contains(text));
        }

        if (filter.FromUtc is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.ToUtc is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries;
    }

    /// <summary>The entries with their actors' display names and their objects described: one query per kind of object.</summary>
    private async Task<IReadOnlyList<AuditRow>> DescribeAsync(IReadOnlyList<AuditListItem> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var userIds = entries.Select(e => e.UserId)
            .Concat(IdsOf(entries, AuditTargetTypes.User))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, StringComparer.Ordinal, cancellationToken);

        var articleIds = IntIdsOf(entries, AuditTargetTypes.Article);
        var articles = articleIds.Count == 0 ? [] : await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, Deleted = a.DeletedAt != null })
            .ToDictionaryAsync(a => a.Id, a => (a.Title, a.Deleted), cancellationToken);
        var purgedTitles = await PurgedTitlesAsync(articleIds.Where(id => !articles.ContainsKey(id)).ToList(), cancellationToken);

        var sectionIds = IntIdsOf(entries, AuditTargetTypes.Section);
        var sections = sectionIds.Count == 0 ? [] : await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var groupIds = IntIdsOf(entries, AuditTargetTypes.FooterGroup);
        var groups = groupIds.Count == 0 ? [] : await db.FooterLinkGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);

        var linkIds = IntIdsOf(entries, AuditTargetTypes.FooterLink);
        var links = linkIds.Count == 0 ? [] : await db.FooterLinks.AsNoTracking().Where(l => linkIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Text, cancellationToken);

        var mediaNames = IdsOf(entries, AuditTargetTypes.Media).ToList();
        var media = mediaNames.Count == 0 ? [] : await db.MediaFiles.AsNoTracking().Where(m => mediaNames.Contains(m.StoredName))
            .ToDictionaryAsync(m => m.StoredName, m => m.OriginalName, StringComparer.Ordinal, cancellationToken);

        AuditTarget? Describe(AuditListItem entry)
        {
            var id = entry.TargetId;
            var number = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            return entry.TargetType switch
            {
                null => null,
                AuditTargetTypes.User when id is null => null,
                AuditTargetTypes.User => users.TryGetValue(id, out var user)
                    ? new AuditTarget(user, $"/admin/users/edit/{Uri.EscapeDataString(id)}", null)
                    : new AuditTarget("用户 " + id, null, "账号不存在"),
                AuditTargetTypes.Article when number is null => new AuditTarget(id is null ? "文章" : "文章 " + id, null, null),
                AuditTargetTypes.Article => articles.TryGetValue(number.Value, out var article)
                    ? article.Deleted
                        ? new AuditTarget(article.Title, "/admin/articles/bin?q=" + Uri.EscapeDataString(article.Title), "已删除，在回收站")
                        : new AuditTarget(article.Title, $"/admin/articles/edit/{number}", null)
                    : new AuditTarget(purgedTitles.GetValueOrDefault(number.Value) ?? $"文章 #{number}", null, "已永久删除"),
                AuditTargetTypes.Section => Named("栏目", number, sections, id => $"/admin/sections/edit/{id}"),
                AuditTargetTypes.FooterGroup => Named("页脚链接分组", number, groups, _ => "/admin/footerlinks"),
                AuditTargetTypes.FooterLink => Named("页脚链接", number, links, id => $"/admin/footerlinks/editlink/{id}"),
                AuditTargetTypes.Media when id is null => new AuditTarget("文件", "/admin/media", null),
                AuditTargetTypes.Media => media.TryGetValue(id, out var original)
                    ? new AuditTarget(original, "/admin/media", null)
                    : new AuditTarget(id, null, "已删除"),
                AuditTargetTypes.Settings => new AuditTarget("网站设置", "/admin/settings", null),
                _ => new AuditTarget(id is null ? entry.TargetType : $"{entry.TargetType} {id}", null, null),
            };
        }

        return entries.Select(e => new AuditRow(
            e,
            e.UserId is not null && users.TryGetValue(e.UserId, out var actor) ? actor : e.UserName,
            Describe(e))).ToList();
    }

    /// <summary>
    /// An object named by its current name and linked; a new one (no id recorded, e.g. a footer
    /// group just created) by its kind; a removed one by its kind and id, marked 已删除 (the
    /// entry's details keep the name it had).
    /// </summary>
    private static AuditTarget Named(string kind, int? id, Dictionary<int, string> names, Func<int, string> href) =>
        id is not { } number ? new AuditTarget(kind, null, null)
            : names.TryGetValue(number, out var name) ? new AuditTarget(name, href(number), null)
            : new AuditTarget($"{kind} #{number}", null, "已删除");

    /// <summary>The titles that purged articles had, from their <see cref="AuditActions.ArticlePurge"/> entries.</summary>
    private async Task<Dictionary<int, string>> PurgedTitlesAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var details = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ArticlePurge && e.TargetType == AuditTargetTypes.Article && keys.Contains(e.TargetId!))
            .Select(e => new { e.TargetId, e.Details })
            .ToListAsync(cancellationToken);
        var titles = new Dictionary<int, string>();
        foreach (var entry in details)
        {
            if (Articles.ArticleBin.TitleFromPurgeDetails(entry.Details) is { } title)
            {
                titles[int.Parse(entry.TargetId!, CultureInfo.InvariantCulture)] = title;
            }
        }

        return titles;
    }

    private static IEnumerable<string> IdsOf(IEnumerable<AuditListItem> entries, string type) =>
        entries.Where(e => e.TargetType == type && e.TargetId is not null).Select(e => e.TargetId!).Distinct(StringComparer.Ordinal);

    private static List<int> IntIdsOf(IEnumerable<AuditListItem> entries, string type) =>
        IdsOf(entries, type)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToList();
}
