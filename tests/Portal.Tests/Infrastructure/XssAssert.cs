using AngleSharp.Dom;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Checks that user-typed text reached a page as text: no script, no handler, no script-capable
/// URL or style. One payload list and one check for every XSS test, article fields and site
/// settings alike.
/// </summary>
public static class XssAssert
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href"];

    /// <summary>Payloads that break out of text, attributes, URLs and Markdown when not escaped or sanitised.</summary>
    public static IReadOnlyList<string> Payloads { get; } =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "[点击](javascript:alert(1))",
        "[点击](JaVaScRiPt:alert(1))",
        "[点击](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[点击](javascript&#58;alert(1))",
        "[点击](vbscript:msgbox(1))",
        "[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![图](javascript:alert(1))",
        "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![图\" onerror=\"alert(1)](/x.png)",
        "[x](/ \"title\\\" onmouseover=\\\"alert(1)\")",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[点击](java\tscript:alert(1))",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "'><svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">点我</a>",
    ];

    public static void NoActiveContent(IDocument document)
    {
        // The layout's own scripts are files from /js/; anything else is injected.
        Assert.All(document.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src") ?? "inline"));
        Assert.Empty(document.QuerySelectorAll("svg, iframe, object, embed, base, img[src='x']"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} has {attribute.Name}");
                if (UrlAttributes.Contains(attribute.Name))
                {
                    // Browsers skip whitespace and control characters inside a scheme: "java\tscript:" runs.
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal),
                        $"{element.TagName} {attribute.Name}={attribute.Value}");
                }

                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("expression", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("javascript", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }
}
