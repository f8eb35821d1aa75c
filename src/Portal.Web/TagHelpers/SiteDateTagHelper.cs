using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Site;

namespace Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;site-date value="@utc" /&gt;</c> renders a stored UTC timestamp as the site-local date
/// <c>&lt;time datetime="2023-11-21"&gt;2023-11-21&lt;/time&gt;</c>, the form government pages use;
/// with <c>show-time="true"</c> (admin pages: history, audit) the local time of day follows,
/// <c>2023-11-21 09:30:05</c>, and <c>datetime</c> carries the exact moment in UTC
/// (<c>2023-11-21T01:30:05Z</c>).
/// <para>
/// In the admin area every date also carries the UTC value in its <c>title</c>
/// (<c>title="UTC 2023-11-21 01:30:05"</c>), so staff who compare with a server log or a
/// colleague abroad see both; <c>utc-title="false"</c> leaves it out, <c>utc-title="true"</c>
/// adds it on a public page. Public pages keep their plain dates by default.
/// </para>
/// </summary>
[HtmlTargetElement("site-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteDateTagHelper(SiteClock clock) : TagHelper
{
    public DateTime Value { get; set; }

    /// <summary>Whether the time of day (to the second) follows the date; default false.</summary>
    public bool ShowTime { get; set; }

    /// <summary>Whether the UTC value goes into a <c>title</c>; default: in the admin area yes, elsewhere no.</summary>
    public bool? UtcTitle { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var utc = DateTime.SpecifyKind(Value, DateTimeKind.Utc);
        var local = clock.ToLocal(utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", ShowTime
            ? utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (UtcTitle ?? IsAdminArea(ViewContext))
        {
            output.Attributes.SetAttribute("title", UtcText(utc));
        }

        output.Content.SetContent(ShowTime ? Format(clock, utc, seconds: true) : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A UTC timestamp as site-local date and time, <c>2023-11-21 09:30</c> (with
    /// <paramref name="seconds"/>, <c>2023-11-21 09:30:05</c>): for text that is not markup, such
    /// as the values of a revision comparison.
    /// </summary>
    public static string Format(SiteClock clock, DateTime utc, bool seconds = false) =>
        clock.ToLocal(utc).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The title text of a timestamp: <c>UTC 2023-11-21 01:30:05</c>.</summary>
    public static string UtcText(DateTime utc) =>
        "UTC " + utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool IsAdminArea(ViewContext? view) =>
        view?.RouteData.Values["area"] is string area && string.Equals(area, "Admin", StringComparison.OrdinalIgnoreCase);
}
