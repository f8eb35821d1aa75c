namespace Portal.Web.Models;

/// <summary>
/// The banner across the top of a preview: that the page is not published, and what the reviewer
/// or the link's holder should know (problems the form still has, the version a link shows).
/// </summary>
/// <param name="Notes">Lines under the headline, in Chinese; may be empty.</param>
public sealed record ArticlePreviewBanner(IReadOnlyList<string> Notes)
{
    /// <summary>The headline of every preview.</summary>
    public const string Headline = "预览：此页面尚未发布，仅供审核，请勿转发。";
}
