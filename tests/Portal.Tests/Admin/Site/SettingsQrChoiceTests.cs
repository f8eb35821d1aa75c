using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Media;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>The WeChat QR select keeps its current image however many newer images there are.</summary>
public sealed class SettingsQrChoiceTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task Settings_QrImageOlderThanChoiceLimit_SavingAnotherSettingKeepsIt()
    {
        var oldest = await fixture.WithDbAsync(async db =>
        {
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var files = Enumerable.Range(0, MediaLibrary.ChoiceLimit + 1).Select(i => new MediaFile
            {
                StoredName = i.ToString("x32", CultureInfo.InvariantCulture) + ".png",
                OriginalName = $"图片{i}.png",
                ContentType = "image/png",
                Length = 100,
                UploadedAt = start.AddMinutes(i),
            }).ToList();
            db.MediaFiles.AddRange(files);
            await db.SaveChangesAsync();
            return files[0].Id;
        });
        var first = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", SiteSettingsAdminTests.Settings(f => f["Input.WeChatQrImageId"] = oldest.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Post the form back as a browser would: every field as the page shows it, one changed.
        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/settings", fixture.Admin);
        var form = page.QuerySelectorAll("input[name^='Input.'], textarea[name^='Input.']")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .ToDictionary();
        var select = (IHtmlSelectElement)page.QuerySelector("select[name='Input.WeChatQrImageId']")!;
        form["Input.WeChatQrImageId"] = select.Value ?? "";
        form["Input.Phone"] = "0995-7654321";
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await fixture.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal("0995-7654321", settings.Phone);
        Assert.Equal(oldest, settings.WeChatQrImageId);
    }
}

/// <summary>The settings form's labels and length limits come through without rules of its own.</summary>
public sealed class SettingsFormTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task Settings_Form_ShowsLabelsAndServiceLengthLimits()
    {
        var (response, page) = await fixture.Factory.GetDocumentAsync("/admin/settings", fixture.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in Portal.Core.Site.SiteSettingsService.Fields)
        {
            var input = page.QuerySelector($"input[name='Input.{field.Name}']")!;
            Assert.Equal(field.MaxLength.ToString(CultureInfo.InvariantCulture), input.GetAttribute("maxlength"));
        }

        Assert.Equal("网站名称", page.QuerySelector("label[for='Input_SiteName']")!.TextContent.Trim());
        Assert.Equal("“我为政府网站找错”入口文字", page.QuerySelector("label[for='Input_ErrorReportLabel']")!.TextContent.Trim());
        Assert.Equal("官方微信二维码", page.QuerySelector("label[for='Input_WeChatQrImageId']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Settings_TooLongOrEmpty_ServiceMessagesBesideFields()
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.SiteName"] = "",
            ["Input.Sponsor"] = new string('主', Portal.Core.Data.FieldLengths.Organisation + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);
        Assert.Equal("请填写网站名称。", page.QuerySelector("[data-valmsg-for='Input.SiteName']")!.TextContent.Trim());
        Assert.Equal($"主办单位不能超过 {Portal.Core.Data.FieldLengths.Organisation} 个字符。", page.QuerySelector("[data-valmsg-for='Input.Sponsor']")!.TextContent.Trim());
    }
}
