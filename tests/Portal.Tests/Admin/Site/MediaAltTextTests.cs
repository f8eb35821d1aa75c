using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>替代文本 in the media library: any staff member sets it per image; markup, overlong text and placeholders are refused; every change is audited.</summary>
public sealed class MediaAltTextTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private async Task<int> UploadAsync(string name)
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(fixture.Editor, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Editor.PostAsync("/admin/media/upload", form)).StatusCode);
        return await fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.OriginalName == name).MaxAsync(m => m.Id));
    }

    private Task<string?> AltAsync(int id) => fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.Id == id).Select(m => m.AltText).SingleAsync());

    private Task<List<AuditEntry>> AuditAsync() =>
        fixture.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.MediaAltChange).OrderBy(e => e.Id).ToListAsync());

    private async Task<AngleSharp.Dom.IDocument> AfterAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, fixture.Editor);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return document;
    }

    [Fact]
    public async Task AltText_SetByAnEditor_StoredAuditedAndShownInTheList_ThenCleared()
    {
        var id = await UploadAsync("会议现场.png");
        var stored = await fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.Id == id).Select(m => m.StoredName).SingleAsync());

        var document = await AfterAsync(await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/media/alt/{id}", [new("altText", "  吐鲁番市召开民族团结大会 ")]));

        Assert.Equal("已保存“会议现场.png”的替代文本。", document.QuerySelector(".admin-main > p.flash")!.TextContent.Trim());
        Assert.Equal("吐鲁番市召开民族团结大会", await AltAsync(id));
        Assert.Equal("吐鲁番市召开民族团结大会", document.QuerySelector($"#alt-{id}")!.GetAttribute("value"));
        var entry = Assert.Single(await AuditAsync(), e => e.TargetId == stored);
        Assert.Equal("media", entry.TargetType);
        Assert.Equal("site-editor", entry.UserName);
        Assert.Equal("“会议现场.png”的替代文本：（无） → 吐鲁番市召开民族团结大会", entry.Details);

        var cleared = await AfterAsync(await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/media/alt/{id}", [new("altText", "")]));
        Assert.Equal("已清除“会议现场.png”的替代文本。", cleared.QuerySelector(".admin-main > p.flash")!.TextContent.Trim());
        Assert.Null(await AltAsync(id));
        Assert.Equal(2, (await AuditAsync()).Count(e => e.TargetId == stored));
    }

    [Theory]
    [InlineData("<b>会议</b>", "不能包含 < > 等网页代码")]
    [InlineData("会议<script>alert(1)</script>", "不能包含 < > 等网页代码")]
    [InlineData("图片", "占位词或文件名")]
    [InlineData("待说明.png", "占位词或文件名")]
    [InlineData(null, "替代文本不能超过 200 个字")]
    public async Task AltText_MarkupPlaceholderOrTooLong_RefusedInChineseNothingWritten(string? alt, string message)
    {
        var id = await UploadAsync("待说明.png");
        await AfterAsync(await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/media/alt/{id}", [new("altText", "原有说明：大会会场")]));
        var audited = (await AuditAsync()).Count;

        var text = alt ?? new string('长', FieldLengths.AltText + 1);
        var document = await AfterAsync(await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/media/alt/{id}", [new("altText", text)]));

        Assert.Contains(message, document.QuerySelector(".admin-main > p.form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("原有说明：大会会场", await AltAsync(id));
        Assert.Equal(audited, (await AuditAsync()).Count);

        // Exactly the limit is fine.
        await AfterAsync(await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/media/alt/{id}", [new("altText", new string('长', FieldLengths.AltText))]));
        Assert.Equal(FieldLengths.AltText, (await AltAsync(id))!.Length);
    }
}
