using Portal.Core.Media;

namespace Portal.Tests.Media;

public sealed class AltTextRulesTests
{
    [Theory]
    [InlineData("说明文字")]
    [InlineData(" 图 片 ")]
    [InlineData("IMAGE")]
    [InlineData("Photo")]
    [InlineData("img")]
    [InlineData("pic")]
    [InlineData("插图")]
    [InlineData("配图")]
    [InlineData("此处输入图片描述…")]
    [InlineData("此处输入图片描述...")]
    [InlineData("")]
    [InlineData("   ")]
    public void IsPlaceholder_PlaceholderWords_AreRefused(string alt) => Assert.True(AltTextRules.IsPlaceholder(alt));

    [Theory]
    [InlineData("吐鲁番市召开民族团结大会")]
    [InlineData("图片展览开幕式现场")]
    [InlineData("photo of the opening ceremony")]
    public void IsPlaceholder_RealDescriptions_Pass(string alt) => Assert.False(AltTextRules.IsPlaceholder(alt));

    [Theory]
    [InlineData("IMG_2031.jpg")]
    [InlineData("img_2031")]
    public void IsPlaceholder_TheFileName_IsRefused(string alt) => Assert.True(AltTextRules.IsPlaceholder(alt, "IMG_2031.JPG"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("吐鲁番市召开民族团结大会")]
    [InlineData("A&B 两地合作签约仪式")]
    public void Refusal_EmptyOrARealDescription_IsNone(string? alt) => Assert.Null(AltTextRules.Refusal(alt, "IMG_2031.JPG"));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "网页代码")]
    [InlineData("会议>现场", "网页代码")]
    [InlineData("会议\u0000现场", "控制字符")]
    [InlineData("图片 1", "占位词")]
    [InlineData("IMG_2031", "文件名")]
    public void Refusal_MarkupControlCharactersPlaceholdersAndFileNames_SayWhy(string alt, string reason) =>
        Assert.Contains(reason, AltTextRules.Refusal(System.Text.RegularExpressions.Regex.Unescape(alt), "IMG_2031.JPG"), StringComparison.Ordinal);

    [Fact]
    public void Refusal_LongerThanTheColumn_SaysTheLimit()
    {
        Assert.Null(AltTextRules.Refusal(new string('长', Portal.Core.Data.FieldLengths.AltText), null));
        Assert.Contains("不能超过 200 个字", AltTextRules.Refusal(new string('长', Portal.Core.Data.FieldLengths.AltText + 1), null), StringComparison.Ordinal);
    }
}
