using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>
/// 批量操作 on the article list: one <see cref="EditorialService"/> command per article, each in
/// its own transaction, so that one article's refusal or conflict neither stops nor undoes the
/// others. Every rule (roles, sections, review levels, versions) is the service's: an editor who
/// sends 审核通过 gets the service's refusal for every item, not a shortcut of ours.
/// </summary>
public sealed class ArticleBulkService(PortalDbContext db, EditorialService editorial)
{
    /// <summary>The most articles one request may name; the list shows 20 a page.</summary>
    public const int MaxItems = 100;

    /// <summary>
    /// The commands offered to <paramref name="actor"/>: all four to reviewers and administrators,
    /// 提交审核 and 删除 to editors (the service refuses the others to them anyway).
    /// </summary>
    public static IReadOnlyList<ArticleBulkCommand> CommandsFor(EditorialActor actor) =>
        actor.CanReview
            ? [ArticleBulkCommand.Submit, ArticleBulkCommand.Approve, ArticleBulkCommand.Withdraw, ArticleBulkCommand.Delete]
            : [ArticleBulkCommand.Submit, ArticleBulkCommand.Delete];

    /// <summary>How a command reads on the list's select and the result page.</summary>
    public static string Label(ArticleBulkCommand command) => command switch
    {
        ArticleBulkCommand.Submit => "提交审核",
        ArticleBulkCommand.Approve => "审核通过（进入下一级审核或发布）",
        ArticleBulkCommand.Withdraw => "撤回",
        ArticleBulkCommand.Delete => "移入回收站",
        _ => command.ToString(),
    };

    /// <summary>The command's value in the form (<c>submit</c>, <c>approve</c>, <c>withdraw</c>, <c>delete</c>).</summary>
    public static string Value(ArticleBulkCommand command) => command.ToString().ToLowerInvariant();

    /// <summary>
    /// Runs <paramref name="command"/> on every item (<c>id:version</c>, as the list's checkboxes
    /// send them). A request that names no article, more than <see cref="MaxItems"/>, an unknown
    /// command or an item that is not <c>id:version</c> is refused as a whole, before anything is done.
    /// </summary>
    public async Task<ArticleBulkResult> RunAsync(EditorialActor actor, string? command, IReadOnlyList<string> items, CancellationToken cancellationToken = default)
    {
        var parsed = Enum.GetValues<ArticleBulkCommand>().Where(c => Value(c) == command).Select(c => (ArticleBulkCommand?)c).FirstOrDefault();
        if (parsed is not { } bulk)
        {
            return ArticleBulkResult.Refused("请选择要执行的批量操作。");
        }

        if (items.Count == 0)
        {
            return ArticleBulkResult.Refused("请至少勾选一篇文章。", bulk);
        }

        if (items.Count > MaxItems)
        {
            return ArticleBulkResult.Refused($"一次最多处理 {MaxItems} 篇文章（本次选择了 {items.Count} 篇），没有执行任何操作。请分批处理。", bulk);
        }

        var targets = new List<(int Id, int Version)>();
        foreach (var item in items)
        {
            if (!TryParseItem(item, out var id, out var version))
            {
                return ArticleBulkResult.Refused("提交的文章列表无法识别，没有执行任何操作。请刷新文章列表后重新选择。", bulk);
            }

            var same = targets.FindIndex(t => t.Id == id);
            if (same < 0)
            {
                targets.Add((id, version));
            }
            else if (targets[same].Version != version)
            {
                return ArticleBulkResult.Refused("同一篇文章出现了两个不同的版本，没有执行任何操作。请刷新文章列表后重新选择。", bulk);
            }
        }

        var titles = await TitlesAsync(actor, targets.Select(t => t.Id).ToList(), cancellationToken);
        var results = new List<ArticleBulkItemResult>(targets.Count);
        foreach (var (id, version) in targets)
        {
            // The service shares this request's context: whatever an item left tracked (a refused
            // change, an audit entry it never saved) must not ride along with the next item's save.
            db.ChangeTracker.Clear();
            var result = bulk switch
            {
                ArticleBulkCommand.Submit => await editorial.SubmitAsync(actor, id, version, cancellationToken),
                ArticleBulkCommand.Approve => await editorial.ApproveAsync(actor, id, version, null, cancellationToken),
                ArticleBulkCommand.Withdraw => await editorial.WithdrawAsync(actor, id, version, cancellationToken),
                _ => await editorial.DeleteAsync(actor, id, version, cancellationToken),
            };
            var title = titles.GetValueOrDefault(id) ?? $"文章 #{id.ToString(CultureInfo.InvariantCulture)}";
            results.Add(new ArticleBulkItemResult(id, title, result.Succeeded, result.Message ?? (result.Succeeded ? "成功" : "未处理。")));
        }

        db.ChangeTracker.Clear();
        return new ArticleBulkResult(bulk, null, results);
    }

    /// <summary><c>id:version</c> with a positive id and a version of 0 or more, digits only.</summary>
    public static bool TryParseItem(string? item, out int id, out int version)
    {
        id = 0;
        version = 0;
        if (string.IsNullOrEmpty(item) || item.Length > 21)
        {
            return false;
        }

        var colon = item.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && int.TryParse(item.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && int.TryParse(item.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && id > 0;
    }

    /// <summary>
    /// The titles shown on the result page, read before the commands run. An article in a section
    /// the actor may not work in keeps its number only: a hand-made request must not read the
    /// titles of other sections' unpublished articles (docs/decisions/0006).
    /// </summary>
    private async Task<Dictionary<int, string>> TitlesAsync(EditorialActor actor, List<int> ids, CancellationToken cancellationToken)
    {
        var sections = await SectionLimits.OfAsync(db, actor, cancellationToken);
        return await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.DeletedAt == null)
            .Within(sections)
            .Select(a => new { a.Id, a.Title })
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
    }
}
