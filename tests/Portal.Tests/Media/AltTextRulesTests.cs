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
}
