namespace Portal.Core.Site;

/// <summary>
/// The addresses a footer link may have: an absolute http(s) address, a path on this site
/// starting with one <c>/</c>, or none (the link is shown as text). Never <c>#</c>, never
/// <c>javascript:</c> or <c>data:</c>: inspectors count placeholder links as broken, and a
/// script address would run in readers' browsers.
/// </summary>
public static class LinkUrl
{
    /// <summary>The rule in words, as the form shows it.</summary>
    public const string Rule = "链接地址必须是以 http:// 或 https:// 开头的完整地址，或以 / 开头的本站路径；不知道地址时请留空（显示为纯文本），不要填写 # 或 javascript:。";

    /// <summary>Checks an address; <paramref name="url"/> is the trimmed address, or null for none.</summary>
    public static bool TryNormalize(string? input, out string? url)
    {
        url = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (url is null)
        {
            return true;
        }

        if (url.Length > Data.FieldLengths.Url || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        // "//host/…" is protocol-relative: another site, though it looks like a path.
        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0;
    }

    /// <summary>
    /// An address that passed <see cref="TryNormalize"/> in the ASCII form an HTTP header carries
    /// (a <c>Location</c>): the host as IDNA, the path and query percent-encoded as UTF-8.
    /// </summary>
    public static string ForHeader(string url)
    {
        if (url.StartsWith('/'))
        {
            var onSite = new Uri(new Uri("http://localhost"), url);
            return onSite.PathAndQuery + onSite.Fragment;
        }

        var uri = new Uri(url, UriKind.Absolute);
        return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
    }

    /// <summary>Whether a stored address still passes the rule (a restored archive is not trusted).</summary>
    public static bool IsSafe(string? url) => url is not null && TryNormalize(url, out var normal) && normal == url;
}
