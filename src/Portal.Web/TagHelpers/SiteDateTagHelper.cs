using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Site;

namespace Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;site-date value="@utc" /&gt;</c> renders a stored UTC timestamp as the site-local date
/// <c>&lt;time datetime="2023-11-21"&gt;2023-11-21&lt;/time&gt;</c>, the form government pages use.
/// </summary>
[HtmlTargetElement("site-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteDateTagHelper(SiteClock clock) : TagHelper
{
    public DateTime Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var date = clock.ToLocal(Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", date);
        output.Content.SetContent(date);
    }
}
