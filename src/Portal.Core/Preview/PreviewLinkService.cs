using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Site;

namespace Portal.Core.Preview;

/// <summary>
/// 预览链接: creating, listing and revoking the read-only links a reviewer gives to someone without
/// an account, and resolving a token when the link is opened. Who may create and revoke is
/// <see cref="ArticleWorkflow"/>'s <see cref="ArticleCommand.ManagePreviewLinks"/>, checked here
/// again whatever the page showed.
/// </summary>
public sealed partial class PreviewLinkService(
    PortalDbContext db, AuditLog audit, MarkdownRenderer renderer, EditorialContext context, SiteClock clock, TimeProvider time, IOptions<PreviewOptions> options)
{
    /// <summary>The name the audit log gives the anonymous holder of a link.</summary>
    public const string VisitorName = "预览链接访客";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The lifetime a new link is offered with, in hours (<see cref="PreviewOptions.LinkLifetimeHours"/>).</summary>
    public int DefaultLifetimeHours => options.Value.LinkLifetimeHours;

    /// <summary>The longest lifetime allowed, in hours (<see cref="PreviewOptions.MaxLinkLifetimeHours"/>).</summary>
    public int MaxLifetimeHours => options.Value.MaxLinkLifetimeHours;

    /// <summary>The links of an article, newest first.</summary>
    public async Task<IReadOnlyList<PreviewLinkItem>> ListAsync(int articleId, CancellationToken cancellationToken = default) =>
        await db.Set<PreviewLink>().AsNoTracking()
            .Where(l => l.ArticleId == articleId)
            .OrderByDescending(l => l.Id)
            .Select(l => new PreviewLinkItem(l.Id, l.ArticleVersion, l.CreatedByName, l.CreatedAt, l.ExpiresAt, l.Note, l.RevokedAt, l.RevokedByName, l.ViewCount, l.LastViewedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates a link to the article's current saved version, valid for <paramref name="lifetimeHours"/>
    /// (null: the default). Any status but deleted. Returns the token, which is stored only as its hash.
    /// </summary>
    public async Task<PreviewLinkCreated> CreateAsync(EditorialActor actor, int articleId, int? lifetimeHours, string? note, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.DeletedAt == null)
            .Select(a => new { a.Id, a.SectionId, a.Version, a.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return new(CommandResult.NotFound("文章不存在或已移入回收站。"), null);
        }

        if (await RefusalAsync(actor, article.Id, cancellationToken) is { } refusal)
        {
            return new(refusal, null);
        }

        var hours = lifetimeHours ?? DefaultLifetimeHours;
        if (hours < 1 || hours > MaxLifetimeHours)
        {
            return new(CommandResult.Invalid($"预览链接的有效期须在 1 到 {MaxLifetimeHours.ToString(CultureInfo.InvariantCulture)} 小时之间。"), null);
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > FieldLengths.Comment })
        {
            return new(CommandResult.Invalid($"备注不能超过 {FieldLengths.Comment.ToString(CultureInfo.InvariantCulture)} 个字。"), null);
        }

        var now = Now;
        var token = PreviewToken.Create();
        var link = new PreviewLink
        {
            ArticleId = article.Id,
            TokenHash = PreviewToken.Hash(token),
            ArticleVersion = article.Version,
            Note = trimmed,
            CreatedById = actor.UserId,
            CreatedByName = await NameOfAsync(actor.UserId, cancellationToken),
            CreatedAt = now,
            ExpiresAt = now.AddHours(hours),
        };
        // The id is known only after the first save, and the audit entry names it: both saves in
        // one transaction, so there is never a link without its audit entry.
        await db.InTransactionAsync(async () =>
        {
            db.Set<PreviewLink>().Add(link);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(AuditActions.PreviewLinkCreate, "article", Key(article.Id),
                $"预览链接 #{link.Id.ToString(CultureInfo.InvariantCulture)}：第{article.Version.ToString(CultureInfo.InvariantCulture)}版，有效至 {clock.Describe(link.ExpiresAt)}" + (trimmed is null ? "" : $"；备注：{trimmed}"));
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken: cancellationToken);
        return new(CommandResult.Ok("已创建预览链接。链接只显示这一次，请立即复制。", article.Id), token);
    }

    /// <summary>Revokes one link of the article; a link already revoked stays as it was.</summary>
    public async Task<CommandResult> RevokeAsync(EditorialActor actor, int articleId, int linkId, CancellationToken cancellationToken = default)
    {
        var sectionId = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => (int?)a.SectionId).FirstOrDefaultAsync(cancellationToken);
        var exists = sectionId is not null && await db.Set<PreviewLink>().AnyAsync(l => l.Id == linkId && l.ArticleId == articleId, cancellationToken);
        if (!exists)
        {
            return CommandResult.NotFound("没有这个预览链接。");
        }

        if (await RefusalAsync(actor, articleId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var name = await NameOfAsync(actor.UserId, cancellationToken);
        var now = Now;

        // One conditional statement: of two people revoking at once, one revokes and one is told it is done.
        var revoked = await db.InTransactionAsync(async () =>
        {
            var changed = await db.Set<PreviewLink>()
                .Where(l => l.Id == linkId && l.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedByName, name), cancellationToken);
            if (changed == 1)
            {
                await audit.WriteAsync(AuditActions.PreviewLinkRevoke, "article", Key(articleId), $"预览链接 #{linkId.ToString(CultureInfo.InvariantCulture)}", cancellationToken: cancellationToken);
            }

            return changed;
        }, cancellationToken: cancellationToken);
        return CommandResult.Ok(revoked == 1 ? "已撤销预览链接。" : "该预览链接已被撤销。", articleId);
    }

    /// <summary>
    /// Marks the article's active links revoked, in the caller's unit of work (moving an article to
    /// the recycle bin: its links die with it and stay dead when it is restored).
    /// </summary>
    internal static async Task RevokeAllAsync(PortalDbContext db, int articleId, DateTime now, string reason, CancellationToken cancellationToken)
    {
        foreach (var link in await db.Set<PreviewLink>().Where(l => l.ArticleId == articleId && l.RevokedAt == null).ToListAsync(cancellationToken))
        {
            link.RevokedAt = now;
            link.RevokedByName = reason;
        }
    }

    /// <summary>
    /// Resolves <paramref name="token"/> for the preview page, counting the view when the link is
    /// valid (the first view is also audited). A malformed token is refused before any lookup.
    /// </summary>
    public async Task<PreviewLinkView> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (view, _) = await ResolveAsync(token, render: true, cancellationToken);
        if (view.State == PreviewLinkState.Valid)
        {
            await CountViewAsync(view.LinkId, view.ArticleId, cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// Whether a valid link's previewed text (body or cover) uses <paramref name="storedName"/>:
    /// only such files are served under <c>/preview/{token}/media/</c>. Does not count as a view.
    /// </summary>
    public async Task<bool> UsesMediaAsync(string? token, string storedName, CancellationToken cancellationToken = default)
    {
        // Every image of the page asks this: the text's references are read from its Markdown,
        // without rendering it.
        var (view, markdown) = await ResolveAsync(token, render: false, cancellationToken);
        if (view.State != PreviewLinkState.Valid || view.Content is not { } content)
        {
            return false;
        }

        return string.Equals(content.CoverImageName, storedName, StringComparison.Ordinal)
            || MediaReferences.StoredNamesIn(markdown).Contains(storedName, StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="html"/> (sanitised article HTML) with every <c>/media/{name}</c> address in an
    /// attribute pointed at <c>/preview/{token}/media/{name}</c>, where the link's holder may fetch
    /// files that are not public yet. HtmlSanitizer writes attributes double-quoted, and a quote in
    /// text is escaped, so only attribute values match.
    /// </summary>
    public static string RewriteMedia(string html, string token) =>
        MediaAttribute().Replace(ResponsiveAttribute().Replace(html, ""), m => m.Groups[1].Value + "=\"/preview/" + token + "/media/");

    /// <summary>
    /// The link <paramref name="token"/> names and what it shows, with that text's Markdown; its
    /// HTML only when <paramref name="render"/> (the page, not its images).
    /// </summary>
    private async Task<(PreviewLinkView View, string? BodyMarkdown)> ResolveAsync(string? token, bool render, CancellationToken cancellationToken)
    {
        if (!PreviewToken.IsWellFormed(token))
        {
            return (new(PreviewLinkState.Unknown), null);
        }

        var hash = PreviewToken.Hash(token!);
        var link = await db.Set<PreviewLink>().AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Select(l => new { l.Id, l.ArticleId, l.TokenHash, l.ArticleVersion, l.ExpiresAt, l.RevokedAt, l.Note })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null || !PreviewToken.HashEquals(link.TokenHash, hash))
        {
            return (new(PreviewLinkState.Unknown), null);
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == link.ArticleId)
            .Select(a => new { a.Id, a.UrlKey, a.Version, a.DeletedAt, a.HasPublishTime })
            .FirstOrDefaultAsync(cancellationToken);
        if (link.RevokedAt is not null || article is null || article.DeletedAt is not null)
        {
            return (new(PreviewLinkState.Revoked), null);
        }

        if (link.ExpiresAt <= Now)
        {
            return (new(PreviewLinkState.Expired), null);
        }

        var revision = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == link.ArticleId && r.Number == link.ArticleVersion)
            .Select(r => new
            {
                r.Title, r.PublishedAt, r.Source, r.BodyMarkdown, r.SectionId, r.Summary, r.Keywords,
                Cover = db.MediaFiles.Where(m => m.Id == r.CoverImageId).Select(m => m.StoredName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        ArticleDetail content;
        string markdown;
        if (revision is null)
        {
            // An article without that revision (imported, never saved in the admin area): its
            // current saved state is the only text there is.
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == link.ArticleId)
                .Select(a => new
                {
                    Detail = new ArticleDetail(
                        a.Id, a.UrlKey, a.Title, a.PublishedAt, a.HasPublishTime, a.Source, render ? a.BodyHtml : "", a.SectionId, a.Summary, a.Keywords,
                        db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.StoredName).FirstOrDefault()),
                    a.BodyMarkdown,
                })
                .FirstAsync(cancellationToken);
            content = current.Detail;
            markdown = current.BodyMarkdown;
        }
        else
        {
            content = new ArticleDetail(
                article.Id, article.UrlKey, revision.Title, revision.PublishedAt, article.HasPublishTime, revision.Source,
                render ? Render(revision.BodyMarkdown) : "", revision.SectionId, revision.Summary, revision.Keywords, revision.Cover);
            markdown = revision.BodyMarkdown;
        }

        return (new(PreviewLinkState.Valid, link.Id, link.ArticleId, content, link.ArticleVersion, article.Version, link.ExpiresAt, link.Note), markdown);
    }

    private string Render(string markdown)
    {
        try
        {
            return renderer.Render(markdown);
        }
        catch (MarkdownTooDeepException ex)
        {
            // A saved revision always rendered once; should an old one not, say so instead of failing.
            return "<p>" + System.Net.WebUtility.HtmlEncode(EditorialService.BodyTooDeepMessage(ex)) + "</p>";
        }
    }

    /// <summary>
    /// One more view, as single conditional statements (30 readers at once count 30); the first
    /// view, when the leader first opened the link, is also written to the audit log.
    /// </summary>
    private async Task CountViewAsync(int linkId, int articleId, CancellationToken cancellationToken)
    {
        var now = Now;
        await db.Set<PreviewLink>().Where(l => l.Id == linkId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
        var first = await db.Set<PreviewLink>().Where(l => l.Id == linkId && l.FirstViewedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FirstViewedAt, now), cancellationToken);
        if (first == 1)
        {
            await audit.WriteAsync(AuditActions.PreviewLinkFirstView, "article", Key(articleId),
                $"预览链接 #{linkId.ToString(CultureInfo.InvariantCulture)} 首次被打开", VisitorName, cancellationToken);
        }
    }

    /// <summary>Why <paramref name="actor"/> may not manage the links of article <paramref name="articleId"/>, or null when they may.</summary>
    private async Task<CommandResult?> RefusalAsync(EditorialActor actor, int articleId, CancellationToken cancellationToken)
    {
        var state = await context.StateOfAsync(actor, articleId, cancellationToken);
        if (state is null)
        {
            return CommandResult.NotFound("文章不存在或已移入回收站。");
        }

        var decision = state.Check(ArticleCommand.ManagePreviewLinks);
        return decision.Allowed ? null : decision.ToResult();
    }

    private async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        AuditLog.Truncate(await ArticleRevisionWriter.DisplayNameAsync(db, userId, cancellationToken), FieldLengths.DisplayName);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An image's <c>srcset</c> and <c>sizes</c> (the small copies, at public addresses): dropped
    /// under a link, whose holder gets each image's <c>src</c> only, rewritten under the link.
    /// </summary>
    [GeneratedRegex("\\s(?:srcset|sizes)=\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex ResponsiveAttribute();

    [GeneratedRegex("\\b(src|href)=\"/media/", RegexOptions.CultureInvariant)]
    private static partial Regex MediaAttribute();
}
