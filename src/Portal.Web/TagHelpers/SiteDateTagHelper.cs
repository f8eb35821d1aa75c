using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Site;

namespace Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;site-date value="@utc" /&gt;</c> renders a stored UTC timestamp as the site-local date
/// <c>&lt;time datetime="2023-11-21"&gt;2023-11-21&lt;/time&gt;</c>, the form government pages use;
/// with <c>show-time="true"</c> (admin pages: history, audit) the local time of day follows,
/// <c>2023-11-21 09:30:05</c>.
/// </summary>
[HtmlTargetElement("site-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteDateTagHelper(SiteClock clock) : TagHelper
{
    public DateTime Value { get; set; }

    /// <summary>Whether the time of day (to the second) follows the date; default false.</summary>
    public bool ShowTime { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var local = clock.ToLocal(Value);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", local.ToString(ShowTime ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Content.SetContent(ShowTime ? Format(clock, Value, seconds: true) : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A UTC timestamp as site-local date and time, <c>2023-11-21 09:30</c> (with
    /// <paramref name="seconds"/>, <c>2023-11-21 09:30:05</c>): for text that is not markup, such
    /// as the values of a revision comparison.
    /// </summary>
    public static string Format(SiteClock clock, DateTime utc, bool seconds = false) =>
        clock.ToLocal(utc).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
