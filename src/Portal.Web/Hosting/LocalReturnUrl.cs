using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Hosting;

/// <summary>
/// Where a "go back" link (<c>returnUrl</c>) may lead: only to a page of this site, and written
/// so that a <c>Location</c> header can carry it. A path with Chinese or other non-ASCII
/// characters is percent-encoded as UTF-8 (Kestrel refuses such a header, which made the
/// redirect a 500); what is already encoded stays as it is.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary><paramref name="returnUrl"/> if it is local (encoded for a header), else <paramref name="fallback"/>.</summary>
    public static string Resolve(IUrlHelper url, string? returnUrl, string fallback) =>
        url.IsLocalUrl(returnUrl) ? Encode(returnUrl) : fallback;

    /// <summary>Percent-encodes every character outside printable ASCII (space and controls included).</summary>
    public static string Encode(string url)
    {
        var encoded = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
