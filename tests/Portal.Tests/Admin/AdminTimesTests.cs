using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin;

/// <summary>
/// Every admin page, discovered from the route table, shows times in the site's zone with the UTC
/// value in a title, shows no raw UTC time, and renders no English validation message into a
/// <c>data-val-*</c> attribute.
/// </summary>
public sealed partial class AdminTimesTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task EveryAdminPage_TimesHaveUtcTitle_NoRawUtc_NoEnglishValidationAttributes()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("时间巡检稿件", fixture.NewsId, "正文", command: "submit"));
        var binned = await CreateAsync(editor, ArticleForm("时间巡检回收站", fixture.NewsId, "正文"));
        await PostAsync(editor, $"/admin/articles/delete/{binned}", V((await fixture.ArticleAsync(binned)).Version));
        await PostAsync(reviewer, $"/admin/articles/previewlinks/create/{id}", V((await fixture.ArticleAsync(id)).Version, ("hours", "24")));
        var userId = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "editor").Select(u => u.Id).SingleAsync());

        var pages = AdminEndpoints.All(fixture.Factory)
            .Where(e => e.Methods.Contains("GET") && !e.Path.Contains("/1", StringComparison.Ordinal))
            .Select(e => e.Path)
            .Concat([$"/admin/articles/edit/{id}", $"/admin/articles/history/{id}", $"/admin/users/edit/{userId}", $"/admin/sections/edit/{fixture.NewsId}"])
            .Distinct()
            .ToList();
        var times = 0;
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var response = await admin.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await PortalFactory.ParseAsync(response);
            foreach (var time in page.QuerySelectorAll("time"))
            {
                times++;
                if (time.GetAttribute("title") is not { } title || !UtcTitle().IsMatch(title))
                {
                    problems.Add($"{path}: <time> without a UTC title: {time.OuterHtml}");
                }
            }

            var text = page.Body!.TextContent;
            if (RawUtc().Match(text) is { Success: true } raw)
            {
                problems.Add($"{path}: raw UTC time \"{raw.Value}\"");
            }

            foreach (var element in page.QuerySelectorAll("*"))
            {
                foreach (var attribute in element.Attributes.Where(a => ValidationMessageAttribute().IsMatch(a.Name)))
                {
                    if (English().IsMatch(attribute.Value))
                    {
                        problems.Add($"{path}: {attribute.Name}=\"{attribute.Value}\" on {element.GetAttribute("name")}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(times >= 5, $"only {times} times found on {pages.Count} pages: the walk would prove nothing");
    }

    [GeneratedRegex(@"^UTC \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")]
    private static partial Regex UtcTitle();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?(\s*UTC|Z)")]
    private static partial Regex RawUtc();

    /// <summary>A message attribute (<c>data-val-required</c>), not a rule's parameter (<c>data-val-length-max</c>) or the switch (<c>data-val</c>).</summary>
    [GeneratedRegex(@"^data-val-[a-z]+$")]
    private static partial Regex ValidationMessageAttribute();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex English();
}
