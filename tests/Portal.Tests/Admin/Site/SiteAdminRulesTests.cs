using Portal.Core.Media;
using Portal.Core.Site;

namespace Portal.Tests.Admin.Site;

/// <summary>The content and address rules behind uploads and footer links, without a server.</summary>
public sealed class SiteAdminRulesTests
{
    [Theory]
    [InlineData("FFD8FFE000104A464946", "image/jpeg")]
    [InlineData("89504E470D0A1A0A0000000D", "image/png")]
    [InlineData("474946383961", "image/gif")]
    [InlineData("474946383761", "image/gif")]
    [InlineData("524946460000000057454250", "image/webp")]
    public void ImageSniffer_KnownMagicBytes_DetectsType(string hex, string contentType) =>
        Assert.Equal(contentType, ImageSniffer.Detect(Convert.FromHexString(hex))?.ContentType);

    [Theory]
    [InlineData("3C7363726970743E")] // <script>
    [InlineData("25504446")] // %PDF
    [InlineData("524946460000000057415645")] // RIFF....WAVE
    [InlineData("3C3F786D6C")] // <?xml (SVG can carry script)
    [InlineData("")]
    public void ImageSniffer_OtherContent_IsNull(string hex) =>
        Assert.Null(ImageSniffer.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("https://www.gov.cn/", "https://www.gov.cn/")]
    [InlineData(" http://www.xinjiang.gov.cn ", "http://www.xinjiang.gov.cn")]
    [InlineData("/sitemap", "/sitemap")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LinkUrl_AllowedAddresses_AreNormalised(string? input, string? expected)
    {
        Assert.True(LinkUrl.TryNormalize(input, out var url));
        Assert.Equal(expected, url);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("jav\tascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("#")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("ftp://example.com/")]
    [InlineData("www.gov.cn")]
    public void LinkUrl_ScriptPlaceholderOrForeignAddresses_AreRefused(string input) =>
        Assert.False(LinkUrl.TryNormalize(input, out _));

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef.png", true)]
    [InlineData("0123456789abcdef0123456789abcdef.webp", true)]
    [InlineData("0123456789abcdef0123456789abcdef.png\n", false)]
    [InlineData("../0123456789abcdef0123456789abcd.png", false)]
    [InlineData("0123456789abcdef0123456789abcdef.svg", false)]
    public void MediaLibrary_StoredNames_AreStrict(string name, bool valid) =>
        Assert.Equal(valid, MediaLibrary.IsStoredName(name));
}

/// <summary>The media options are checked when the program starts, not at the first upload.</summary>
public sealed class MediaOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("104857600")]
    public void Startup_MaxUploadBytesOutOfRange_FailsNamingTheKey(string value)
    {
        using var factory = Infrastructure.PortalFactory.Empty(new Dictionary<string, string?> { ["Media:MaxUploadBytes"] = value });

        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.Services);

        Assert.Contains("Media:MaxUploadBytes", error.Message, StringComparison.Ordinal);
    }
}
