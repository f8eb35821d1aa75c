using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// 推荐与置顶 (<see cref="ArticleCommand.Feature"/>): pins an article at the head of its section's
/// lists through a day, and chooses it for the home page's 头条 or 图片新闻. Who may is the
/// workflow's table. It is not a content change: no revision, no new version and no
/// <see cref="Article.UpdatedAt"/>; the article row's save still writes its change-log row
/// (<see cref="Search.ContentChangeRecorder"/>), so cached pages and the home page follow.
/// </summary>
public sealed class ArticleFeatures(PortalDbContext db, AuditLog audit, EditorialContext context, SiteClock clock, TimeProvider time)
{
    /// <summary>The form's 置顶至 as stored: the end of the chosen site-local day, in UTC.</summary>
    public DateTime PinnedUntilOf(DateOnly through) => clock.StartOfDayUtc(through.AddDays(1));

    /// <summary>The last site-local day of a pin stored as <see cref="Article.PinnedUntil"/> (the form shows it).</summary>
    public DateOnly PinnedThroughOf(DateTime pinnedUntil) => DateOnly.FromDateTime(clock.ToLocal(pinnedUntil).AddTicks(-1));

    /// <summary>
    /// Sets the article's 置顶, 头条 and 图片新闻 as <paramref name="input"/> says. Refused (nothing
    /// written) for whom the workflow refuses, for a pin whose last day has passed, and for 图片新闻
    /// without a cover image that has alt text. Audited with what changed.
    /// </summary>
    public async Task<CommandResult> SetAsync(EditorialActor actor, int id, ArticleFeatureInput input, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken);
        if (article is null)
        {
            return CommandResult.NotFound("文章不存在或已移入回收站。");
        }

        var state = await context.StateOfAsync(actor, article, cancellationToken);
        if (state.Check(ArticleCommand.Feature) is { Allowed: false } refusal)
        {
            return refusal.ToResult();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pinnedUntil = input.PinnedThrough is { } through ? PinnedUntilOf(through) : (DateTime?)null;

        // An expired pin shown again unchanged is no new choice; a new one must still lie ahead.
        if (pinnedUntil is { } until && until != article.PinnedUntil && until <= now)
        {
            return CommandResult.Invalid($"置顶截止日期（{input.PinnedThrough!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）已经过去，请选择今天或以后的日期；不需要置顶请留空。");
        }

        if (input.IsPictureNews && await PictureNewsRefusalAsync(article.CoverImageId, cancellationToken) is { } noPicture)
        {
            return CommandResult.Invalid(noPicture);
        }

        var changes = new List<string>();
        if (pinnedUntil != article.PinnedUntil)
        {
            changes.Add($"置顶：{DescribePin(article.PinnedUntil)} → {DescribePin(pinnedUntil)}");
        }

        if (input.IsHeadline != article.IsHeadline)
        {
            changes.Add($"头条：{YesNo(article.IsHeadline)} → {YesNo(input.IsHeadline)}");
        }

        if (input.IsPictureNews != article.IsPictureNews)
        {
            changes.Add($"图片新闻：{YesNo(article.IsPictureNews)} → {YesNo(input.IsPictureNews)}");
        }

        if (changes.Count == 0)
        {
            return CommandResult.Ok("推荐与置顶没有改动。", id);
        }

        article.PinnedUntil = pinnedUntil;
        article.IsHeadline = input.IsHeadline;
        article.IsPictureNews = input.IsPictureNews;
        audit.Add(AuditActions.ArticleFeature, "article", id.ToString(CultureInfo.InvariantCulture), string.Join("；", changes));
        try
        {
            // One save: the flags, the audit entry and the change-log row together. The version
            // token is not moved (no content changed) but is checked, so a save or a command that
            // came between our read and our write wins and nothing of ours is stored.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ArticleCommandRunner.Conflict(id);
        }

        return CommandResult.Ok("推荐与置顶已保存：" + string.Join("；", changes) + "。", id);
    }

    /// <summary>
    /// Why an article whose live cover is <paramref name="coverImageId"/>, with the alt text
    /// <paramref name="coverAltText"/>, cannot be 图片新闻, or null when it can: the rule the service
    /// enforces and the edit page's hint shows.
    /// </summary>
    public static string? PictureNewsRefusal(int? coverImageId, string? coverAltText) =>
        coverImageId is null ? "设为图片新闻需要封面图片：请先为文章选择封面图片并审核发布后再设置。"
        : string.IsNullOrWhiteSpace(coverAltText) ? "设为图片新闻需要封面图片的替代文本（图片说明），供读屏软件朗读：请先在媒体库中为这张封面图片填写替代文本。"
        : null;

    private async Task<string?> PictureNewsRefusalAsync(int? coverImageId, CancellationToken cancellationToken)
    {
        var alt = coverImageId is { } coverId
            ? await db.MediaFiles.AsNoTracking().Where(m => m.Id == coverId).Select(m => m.AltText).FirstOrDefaultAsync(cancellationToken)
            : null;
        return PictureNewsRefusal(coverImageId, alt);
    }

    private string DescribePin(DateTime? pinnedUntil) => pinnedUntil is { } until
        ? "至 " + PinnedThroughOf(until).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "（" + clock.ZoneName + "）"
        : "无";

    private static string YesNo(bool value) => value ? "是" : "否";
}
