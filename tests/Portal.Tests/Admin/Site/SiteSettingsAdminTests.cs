using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>网站设置 and 页脚链接 through the admin pages, checked on the public pages.</summary>
public sealed class SiteSettingsAdminTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    /// <summary>Every free-text setting (the code, postcode and e-mail have formats that refuse markup).</summary>
    private static readonly string[] TextFields =
        ["SiteName", "Sponsor", "Maintainer", "CopyrightHolder", "IcpNumber", "PublicSecurityNumber", "Address", "Phone", "ErrorReportLabel", "WeChatLabel"];

    /// <summary>A complete, valid 网站设置 form, optionally changed.</summary>
    internal static Dictionary<string, string> Settings(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.SiteName"] = "测试市人民政府",
            ["Input.Sponsor"] = "测试市人民政府办公室",
            ["Input.Maintainer"] = "测试市大数据中心",
            ["Input.CopyrightHolder"] = "测试市人民政府",
            ["Input.IcpNumber"] = "新ICP备12345678号",
            ["Input.PublicSecurityNumber"] = "新公网安备 65040202000123号",
            ["Input.SiteCode"] = "6504000001",
            ["Input.Address"] = "测试市高昌路1号",
            ["Input.Postcode"] = "838000",
            ["Input.Phone"] = "0995-1234567",
            ["Input.Email"] = "webmaster@test.gov.cn",
            ["Input.ErrorReportLabel"] = "我为政府网站找错",
            ["Input.WeChatLabel"] = "官方微信",
            ["Input.WeChatQrImageId"] = "",
        };
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task Settings_Change_ShowsOnTheNextPublicRequest()
    {
        await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings());
        var (_, before) = await fixture.Factory.GetDocumentAsync("/contact");
        Assert.Contains("0995-1234567", before.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f =>
        {
            f["Input.Sponsor"] = "新的主办单位";
            f["Input.Phone"] = "0995-7654321";
            f["Input.Email"] = "contact@test.gov.cn";
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, footerPage) = await fixture.Factory.GetDocumentAsync("/");
        var footer = footerPage.QuerySelector("footer")!;
        Assert.Equal("主办单位：新的主办单位", footer.QuerySelector(".sponsor")!.TextContent.Trim());
        Assert.Equal("电话：0995-7654321", footer.QuerySelector(".phone")!.TextContent.Trim());
        Assert.Equal("mailto:contact@test.gov.cn", footer.QuerySelector(".email a")!.GetAttribute("href"));
        var (_, contact) = await fixture.Factory.GetDocumentAsync("/contact");
        Assert.Equal("0995-7654321", contact.QuerySelector("main dd.phone")!.TextContent.Trim());
        var details = await fixture.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SettingsChange)
            .OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync());
        Assert.Contains("主办单位：测试市人民政府办公室 → 新的主办单位", details, StringComparison.Ordinal);
        Assert.Contains("联系电话：0995-1234567 → 0995-7654321", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bm1234567")]
    [InlineData("12345")]
    [InlineData("bm1234567８")]
    public async Task Settings_InvalidSiteCode_ShowsChineseMessageBesideField(string siteCode)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.SiteCode"] = siteCode));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(SiteSettingsRules.SiteCodeMessage, document.QuerySelector("[data-valmsg-for='Input.SiteCode']")!.TextContent.Trim());
        Assert.NotEqual(siteCode, await fixture.WithDbAsync(db => db.SiteSettings.Select(s => s.SiteCode).FirstOrDefaultAsync()));
    }

    [Theory]
    [InlineData("bm12345678")]
    [InlineData("6504000001")]
    [InlineData("")]
    public async Task Settings_ValidSiteCode_IsSaved(string siteCode)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.SiteCode"] = siteCode));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(siteCode.Length == 0 ? null : siteCode, await fixture.WithDbAsync(db => db.SiteSettings.Select(s => s.SiteCode).SingleAsync()));
    }

    [Fact]
    public async Task Settings_BadPostcode_ShowsChineseMessage()
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.Postcode"] = "83800"));

        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(SiteSettingsRules.PostcodeMessage, document.QuerySelector("[data-valmsg-for='Input.Postcode']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("#")]
    [InlineData("/local/path")]
    [InlineData("https://bszs.conac.cn/x\"><script>")]
    [InlineData("ftp://bszs.conac.cn/")]
    public async Task Settings_BadGovBadgeUrl_IsRefusedInChinese(string url)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.GovBadgeUrl"] = url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(SiteSettingsRules.BadgeUrlMessage, document.QuerySelector("[data-valmsg-for='Input.GovBadgeUrl']")!.TextContent.Trim());
        Assert.NotEqual(url, await fixture.WithDbAsync(db => db.SiteSettings.Select(s => s.GovBadgeUrl).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Settings_GovBadgeUrl_ShowsTheBadgeInTheFooter_HiddenWhenCleared()
    {
        const string badge = "https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D";
        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.GovBadgeUrl"] = badge))).StatusCode);

        var (_, page) = await fixture.Factory.GetDocumentAsync("/");
        var link = page.QuerySelector("footer a.gov-badge")!;
        Assert.Equal(badge, link.GetAttribute("href"));
        Assert.Equal("党政机关网站标识", link.GetAttribute("aria-label"));

        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f => f["Input.GovBadgeUrl"] = ""))).StatusCode);
        var (_, cleared) = await fixture.Factory.GetDocumentAsync("/");
        Assert.Null(cleared.QuerySelector("footer a.gov-badge"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("#")]
    [InlineData("//evil.example/")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task FooterLink_ScriptOrPlaceholderUrl_IsRefused(string url)
    {
        var groupId = await GroupAsync("相关链接");

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/createlink", new Dictionary<string, string>
        {
            ["Input.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Text"] = "坏链接",
            ["Input.Url"] = url,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(LinkUrl.Rule, document.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent.Trim());
        Assert.False(await fixture.WithDbAsync(db => db.FooterLinks.AnyAsync(l => l.Text == "坏链接")));
    }

    [Fact]
    public async Task FooterLinks_CreateMoveAndEmptyUrl_ShowInFooter()
    {
        var groupId = await GroupAsync("政府网站");
        var otherId = await GroupAsync("友情链接");
        foreach (var (text, url) in new[] { ("中国政府网", "https://www.gov.cn/"), ("本站地图", "/sitemap"), ("未知地址", "") })
        {
            var created = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/createlink", new Dictionary<string, string>
            {
                ["Input.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Text"] = text,
                ["Input.Url"] = url,
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var mapId = await fixture.WithDbAsync(db => db.FooterLinks.Where(l => l.Text == "本站地图").Select(l => l.Id).SingleAsync());
        await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/footerlinks/movelink/{mapId}", new Dictionary<string, string> { ["offset"] = "-1" });
        var gov = await fixture.WithDbAsync(db => db.FooterLinks.Where(l => l.Text == "中国政府网").Select(l => l.Id).SingleAsync());
        var edited = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/footerlinks/editlink/{gov}", new Dictionary<string, string>
        {
            ["Input.GroupId"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Text"] = "中国政府网",
            ["Input.Url"] = "https://www.gov.cn/",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        var group = home.QuerySelectorAll("footer nav.footer-links").Single(n => n.GetAttribute("aria-label") == "政府网站");
        Assert.Equal(["本站地图", "未知地址"], group.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/sitemap", group.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(group.QuerySelectorAll("li")[^1].QuerySelector("a"));
        var other = home.QuerySelectorAll("footer nav.footer-links").Single(n => n.GetAttribute("aria-label") == "友情链接");
        Assert.Equal("https://www.gov.cn/", other.QuerySelector("a")!.GetAttribute("href"));
        Assert.True(await fixture.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.FooterChange)));
    }

    [Fact]
    public async Task FooterGroup_WithLinks_CannotBeDeleted()
    {
        var groupId = await GroupAsync("不能删的组");
        await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/createlink", new Dictionary<string, string>
        {
            ["Input.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Text"] = "某链接",
            ["Input.Url"] = "/contact",
        });

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/footerlinks/deletegroup/{groupId}", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await fixture.WithDbAsync(db => db.FooterLinkGroups.AnyAsync(g => g.Id == groupId)));
    }

    [Fact]
    public async Task Xss_SettingsAndFooterTexts_AreEscapedOnPublicPages()
    {
        foreach (var payload in XssAssert.Payloads)
        {
            var saved = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", Settings(f =>
            {
                // Cut to each field's limit (some are 50), as the group name below is; the
                // footer link's text carries the whole payload.
                foreach (var key in TextFields)
                {
                    var max = SiteSettingsService.MaxLengthOf(key);
                    f["Input." + key] = payload.Length > max ? payload[..max] : payload;
                }
            }));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            // Group names are stored trimmed, and a cut payload can end in a space.
            var groupId = await GroupAsync((payload.Length > 40 ? payload[..40] : payload).Trim());
            var link = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/createlink", new Dictionary<string, string>
            {
                ["Input.GroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Text"] = payload,
                ["Input.Url"] = "/contact?q=" + Uri.EscapeDataString(payload),
            });
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);

            foreach (var url in new[] { "/", "/contact", "/sitemap" })
            {
                var (response, document) = await fixture.Factory.GetDocumentAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                XssAssert.NoActiveContent(document);
                Assert.Contains(payload, document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
            }

            foreach (var url in new[] { "/admin/settings", "/admin/footerlinks" })
            {
                XssAssert.NoActiveContent((await fixture.Factory.GetDocumentAsync(url, fixture.Admin)).Document);
            }
        }
    }

    private async Task<int> GroupAsync(string name)
    {
        var existing = await fixture.WithDbAsync(db => db.FooterLinkGroups.Where(g => g.Name == name).Select(g => (int?)g.Id).FirstOrDefaultAsync());
        if (existing is { } id)
        {
            return id;
        }

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/creategroup", new Dictionary<string, string> { ["Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await fixture.WithDbAsync(db => db.FooterLinkGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
    }
}
