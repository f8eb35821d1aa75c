using Portal.Core.Preview;

namespace Portal.Tests.Preview;

public sealed class PreviewTokenTests
{
    [Fact]
    public void Create_GivesDistinctWellFormedTokensOf43Characters()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => PreviewToken.Create()).ToList();

        Assert.All(tokens, t => Assert.Equal(PreviewToken.Length, t.Length));
        Assert.All(tokens, t => Assert.True(PreviewToken.IsWellFormed(t)));
        Assert.Equal(100, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB")] // non-canonical last character
    [InlineData("预AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void IsWellFormed_RefusesAnythingButACanonicalToken(string? token) =>
        Assert.False(PreviewToken.IsWellFormed(token));

    [Fact]
    public void Hash_IsSha256Hex_AndComparesInConstantTime()
    {
        var token = PreviewToken.Create();
        var hash = PreviewToken.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.True(PreviewToken.HashEquals(hash, PreviewToken.Hash(token)));
        Assert.False(PreviewToken.HashEquals(hash, PreviewToken.Hash(PreviewToken.Create())));
    }

    [Fact]
    public void RewriteMedia_PointsMediaAttributesUnderTheLink_AndLeavesTextAlone()
    {
        var html = "<p><img src=\"/media/0123456789abcdef0123456789abcdef.png\" alt=\"图\"> 文字 =&quot;/media/x <a href=\"/media/fedcba9876543210fedcba9876543210.png\">图</a> <a href=\"/articles/media/\">x</a></p>";

        var rewritten = PreviewLinkService.RewriteMedia(html, "TOKEN");

        Assert.Equal("<p><img src=\"/preview/TOKEN/media/0123456789abcdef0123456789abcdef.png\" alt=\"图\"> 文字 =&quot;/media/x <a href=\"/preview/TOKEN/media/fedcba9876543210fedcba9876543210.png\">图</a> <a href=\"/articles/media/\">x</a></p>", rewritten);
    }
}
