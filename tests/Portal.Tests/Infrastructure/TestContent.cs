using Portal.Core.Articles;
using Portal.Core.Sections;

namespace Portal.Tests.Infrastructure;

/// <summary>Rows for tests that need content the seed does not have.</summary>
public static class TestContent
{
    /// <summary>A fixed creation time, so rows do not depend on the clock.</summary>
    public static DateTime Epoch { get; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A valid 1×1 transparent PNG, for uploads and media rows.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>
    /// Markdown that Markdig cannot nest (100,000 block quotes inside one another, then "x"): it
    /// threw a bare ArgumentException before the renderer refused it with its own exception.
    /// </summary>
    public static string TooDeepMarkdown { get; } = new string('>', 100_000) + " x";

    public static Section Section(string name, string label, string slug, Section? parent = null) =>
        new() { Name = name, MenuLabel = label, Slug = slug, Parent = parent, CreatedAt = Epoch, UpdatedAt = Epoch };

    /// <summary>Stores a top-level section in the factory's store; returns its id.</summary>
    public static Task<int> AddSectionAsync(PortalFactory factory, string name, string label, string slug) =>
        factory.WithDbAsync(async db =>
        {
            var section = Section(name, label, slug);
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });

    public static Article Article(string urlKey, string title, Section section, DateTime publishedAt, ArticleStatus status = ArticleStatus.Published) =>
        new()
        {
            UrlKey = urlKey,
            Title = title,
            Section = section,
            Source = "测试来源",
            PublishedAt = publishedAt,
            PublishedAtChosen = true,
            ScheduledAt = status == ArticleStatus.Scheduled ? publishedAt : null,
            BodyMarkdown = "正文",
            BodyHtml = "<p>正文</p>",
            Status = status,
            CreatedAt = Epoch,
            UpdatedAt = Epoch,
        };
}
