using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.Models;

/// <summary>
/// Builds the article page's view model, in one place for the public page
/// (<c>ArticlesController</c>) and for both previews (the editor's form and a 预览链接), so a
/// preview shows exactly the page readers will get.
/// </summary>
public static class ArticlePage
{
    /// <summary>The page readers see: canonical address, monitoring tags, Open Graph, neighbours and related articles.</summary>
    public static ArticleViewModel ForReaders(
        ArticleDetail article, SectionNode section, ArticleListItem? previous, ArticleListItem? next, IReadOnlyList<ArticleListItem> related, string path, SiteClock clock)
    {
        var description = ArticleText.Description(article.Summary, article.BodyHtml);
        var cover = ArticleViewModel.PublicCoverUrl(article);
        return new ArticleViewModel
        {
            Title = article.Title,
            CurrentSection = section,
            Article = article,
            Previous = previous,
            Next = next,
            Related = related,
            CanonicalPath = path,
            Description = description,
            Meta = MonitoringMeta.ForArticle(article, section, description, clock),
            OpenGraph = new OpenGraphArticle(article.Title, description, cover),
            CoverImageUrl = cover,
        };
    }

    /// <summary>
    /// A 单页 section's page: its article as readers see an article (日期, 来源, 字号, monitoring
    /// tags), at the section's own address, with neither neighbours nor related articles.
    /// </summary>
    public static ArticleViewModel ForSectionPage(ArticleDetail article, SectionNode section, string path, SiteClock clock)
    {
        var page = ForReaders(article, section, null, null, [], path, clock);
        return new ArticleViewModel
        {
            Title = page.Title,
            CurrentSection = section,
            Article = article,
            CanonicalPath = path,
            Description = page.Description,
            Meta = page.Meta,
            OpenGraph = page.OpenGraph,
            CoverImageUrl = page.CoverImageUrl,
            IsSinglePage = true,
        };
    }

    /// <summary>
    /// A preview: the same page in the same layout (header, menu, breadcrumb to
    /// <paramref name="section"/> when one is chosen, 日期/来源, 字号) with the 预览 banner, told
    /// not to be indexed, without a canonical address, monitoring tags, Open Graph, neighbours or
    /// related articles (it is in no list and must not be announced as published).
    /// </summary>
    public static ArticleViewModel ForPreview(ArticleDetail article, SectionNode? section, ArticlePreviewBanner banner, string? coverUrl, string fontSizeReturnUrl) => new()
    {
        Title = "预览：" + (string.IsNullOrWhiteSpace(article.Title) ? "（无标题）" : article.Title),
        CurrentSection = section,
        Article = article,
        Preview = banner,
        NoIndex = true,
        CoverImageUrl = coverUrl,
        FontSizeReturnUrl = fontSizeReturnUrl,
    };
}
