using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Import;

/// <summary>What an import run did, counted in stored rows (sections, articles, footer groups and links, settings).</summary>
public sealed record ImportSummary(int Files, int Created, int Updated, int Unchanged)
{
    /// <summary>The one-line summary the <c>import</c> verb prints.</summary>
    public override string ToString() =>
        $"Imported {Files} file(s): {Created} created, {Updated} updated, {Unchanged} unchanged"
        + (Created + Updated == 0 ? " (nothing to change)." : ".");
}

/// <summary>
/// Imports captured pages (<see cref="ScrapedPageParser"/>) into the store: the menu becomes the
/// top-level sections, the breadcrumb the section path, the page an article, the footer the link
/// groups and site settings. A run is all or nothing: every file is read and checked before the
/// store is touched, and the changes are written in one transaction. Re-importing a page changes
/// nothing; a changed page updates its article in place (matched on source + date + title).
/// </summary>
public sealed class SiteImporter(
    PortalDbContext db,
    MarkdownRenderer renderer,
    ArticleRevisionWriter revisions,
    SiteClock clock,
    TimeProvider time,
    AuditLog audit,
    IOptions<ImportOptions> options,
    ILogger<SiteImporter> logger)
{
    /// <summary>The run's one timestamp: every row it creates or changes carries the same time.</summary>
    private DateTime _now;

    /// <summary>The author name of revisions the importer writes (it has no user account).</summary>
    public const string ImportAuthorName = "导入";

    /// <summary>The note of revisions the importer writes.</summary>
    public const string ImportRevisionNote = "导入更新";

    /// <summary>Imports a page file, or every <c>*.txt</c> page under a folder.</summary>
    /// <exception cref="ImportException">Any file is bad; the store is left exactly as it was.</exception>
    public async Task<ImportSummary> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        var pages = ReadPages(path);
        _now = time.GetUtcNow().UtcDateTime;

        ImportSummary summary;
        try
        {
            // The whole unit (read, apply, write) runs inside the transaction callback, from a clear
            // change tracker, so a retrying execution strategy can run it again from its start.
            summary = await db.InTransactionAsync(() => ApplyAsync(pages, cancellationToken), cancellationToken: cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        logger.LogInformation(
            "Imported {Files} file(s) from {Path}: {Created} created, {Updated} updated, {Unchanged} unchanged",
            summary.Files, path, summary.Created, summary.Updated, summary.Unchanged);
        return summary;
    }

    private async Task<ImportSummary> ApplyAsync(List<(string File, ScrapedPage Page, ImportMapping Mapping)> pages, CancellationToken cancellationToken)
    {
        // The change tracker is the run's unit of work: nothing reaches the store before the commit.
        db.ChangeTracker.Clear();
        var touched = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var sections = await db.Sections.ToListAsync(cancellationToken);
        var groups = await db.FooterLinkGroups.Include(g => g.Links).ToListAsync(cancellationToken);
        var settings = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(cancellationToken);
        var keys = pages.Select(p => ImportKeyOf(p.File)).ToList();
        var articles = await db.Articles.Where(a => a.ImportKey != null && keys.Contains(a.ImportKey)).ToDictionaryAsync(a => a.ImportKey!, cancellationToken);
        var stored = articles.Values.Select(a => (Article: a, Before: ArticleSnapshot.Of(a))).ToList();

        foreach (var (file, page, mapping) in pages)
        {
            var section = ApplySections(page, mapping, sections, touched, file);
            ApplyArticle(file, page, section, articles, touched);
            ApplyFooterLinks(page, mapping, groups, touched);
            settings = ApplySettings(page, mapping, settings, touched);
        }

        var changed = await NextVersionsAsync(stored, cancellationToken);
        StampUpdates(touched);
        var summary = Summarise(pages.Count, touched);

        // A changed article's revision holds its section id, which a section new in this run gets
        // only from the first save; the revision and the audit entries follow in a second one.
        await db.SaveChangesAsync(cancellationToken);
        await AddRevisionsAsync(changed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return summary;
    }

    private List<(string File, ScrapedPage Page, ImportMapping Mapping)> ReadPages(string path)
    {
        List<string> files;
        if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new ImportException(path, null, "the folder holds no page files (*.txt)");
            }
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            throw new ImportException(path, null, "no such file or folder");
        }

        var sameName = files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (sameName is not null)
        {
            throw new ImportException(sameName.Last(), null, $"another page file of this import has the same name ({sameName.First()}); pages are identified by their file names");
        }

        var mappings = new Dictionary<string, ImportMapping>(StringComparer.Ordinal);
        var pages = new List<(string, ScrapedPage, ImportMapping)>();
        foreach (var file in files)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!mappings.TryGetValue(folder, out var mapping))
            {
                var mappingPath = Path.Combine(folder, ImportMapping.FileName);
                mapping = File.Exists(mappingPath) ? ImportMapping.Load(mappingPath) : ImportMapping.Empty;
                mappings[folder] = mapping;
            }

            var page = ScrapedPageParser.Parse(ReadText(file), file);
            CheckBody(file, page);
            pages.Add((file, page, mapping));
        }

        return pages;
    }

    /// <summary>An article's Markdown: the page's paragraphs, a blank line between two.</summary>
    private static string BodyOf(ScrapedPage page) => string.Join("\n\n", page.Paragraphs);

    /// <summary>Refuses a body too deeply nested to render, at the file's line of the paragraph where it becomes too deep.</summary>
    private static void CheckBody(string file, ScrapedPage page)
    {
        try
        {
            MarkdownRenderer.CheckNesting(BodyOf(page));
        }
        catch (MarkdownTooDeepException ex)
        {
            // Paragraph k (from 0) is line 2k + 1 of the body.
            var paragraph = Math.Min((ex.Line - 1) / 2, page.ParagraphLines.Count - 1);
            throw new ImportException(file, page.ParagraphLines[paragraph], "the body text cannot be rendered: " + MarkdownTooDeepException.Problem, ex);
        }
    }

    private string ReadText(string file)
    {
        var length = new FileInfo(file).Length;
        var limit = options.Value.MaxFileBytes;
        if (length > limit)
        {
            throw new ImportException(file, null, string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes; the import limit is {limit:N0} bytes (Import:MaxFileBytes)"));
        }

        try
        {
            // Strict UTF-8: a byte sequence that is not text fails here instead of turning into U+FFFD.
            return File.ReadAllText(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException ex)
        {
            throw new ImportException(file, null, "the file is not UTF-8 text (binary data?)", ex);
        }
    }

    private Section ApplySections(ScrapedPage page, ImportMapping mapping, List<Section> sections, HashSet<object> touched, string file)
    {
        for (var i = 0; i < page.MenuLabels.Count; i++)
        {
            var label = page.MenuLabels[i];
            var section = SiblingsOf(sections, null).FirstOrDefault(s => s.MenuLabel == label)
                ?? AddSection(sections, null, label, label, mapping, file);
            section.SortOrder = i;
            section.ShowInMenu = true;
            Touch(section, touched);
        }

        Section? current = null;
        foreach (var name in page.SectionPath)
        {
            var siblings = SiblingsOf(sections, current).ToList();

            // The same section by full name or by label. Failing both, 新闻中心 in the breadcrumb is
            // the menu's 新闻 when the full name begins with that label and the section has no full
            // name yet; a section that already has one is never renamed by a page.
            var section = siblings.FirstOrDefault(s => s.Name == name)
                ?? siblings.FirstOrDefault(s => s.MenuLabel == name);
            if (section is null)
            {
                section = siblings
                    .Where(s => s.Name == s.MenuLabel && name.StartsWith(s.MenuLabel, StringComparison.Ordinal))
                    .MaxBy(s => s.MenuLabel.Length);
                if (section is not null)
                {
                    section.Name = name;
                }
            }

            if (section is null)
            {
                section = AddSection(sections, current, name, name, mapping, file);
                section.ShowInMenu = current is not null;
                section.SortOrder = siblings.Count;
            }

            Touch(section, touched);
            current = section;
        }

        return current!;
    }

    private Section AddSection(List<Section> sections, Section? parent, string label, string name, ImportMapping mapping, string file)
    {
        var mapped = mapping.Sections.GetValueOrDefault(label) ?? mapping.Sections.GetValueOrDefault(name);
        var slug = mapped?.Slug ?? SectionSlug.FromName(name);
        if (SiblingsOf(sections, parent).Any(s => s.Slug == slug))
        {
            throw new ImportException(file, null, $"section \"{name}\" would get the slug \"{slug}\", which a sibling section already has; give it another in {ImportMapping.FileName}");
        }

        var section = new Section
        {
            Parent = parent,
            Name = mapped?.Name ?? name,
            MenuLabel = label,
            Slug = slug,
            Kind = mapped?.Kind ?? SectionKind.List,
            UpdateClass = mapped?.UpdateClassValue ?? SectionUpdateClass.News,
            HideWhenEmpty = mapped?.HideWhenEmpty ?? false,
            LinkUrl = mapped?.Kind == SectionKind.Link ? mapped.Url : null,
            CreatedAt = _now,
            UpdatedAt = _now,
        };
        sections.Add(section);
        db.Sections.Add(section);
        return section;
    }

    private void ApplyArticle(string file, ScrapedPage page, Section section, Dictionary<string, Article> articles, HashSet<object> touched)
    {
        var importKey = ImportKeyOf(file);
        if (!articles.TryGetValue(importKey, out var article))
        {
            article = new Article
            {
                ImportKey = importKey,
                UrlKey = importKey[..12],
                Status = ArticleStatus.Published,
                CreatedAt = _now,
            };
            articles.Add(importKey, article);
            db.Articles.Add(article);
        }

        var markdown = BodyOf(page);
        article.Title = page.Title;
        article.Source = page.Source;
        article.PublishedAt = clock.StartOfDayUtc(page.Date);
        article.PublishedAtChosen = true;
        article.HasPublishTime = false;
        article.Section = section;
        if (article.BodyMarkdown != markdown)
        {
            article.BodyMarkdown = markdown;
            article.BodyHtml = renderer.Render(markdown);
        }

        Touch(article, touched);
    }

    /// <summary>
    /// Every save of an article is a revision (docs/decisions/0002): each stored article this run
    /// changes gets the next version from <see cref="ArticleRevisionWriter"/>, which also makes an
    /// editor's form loaded before the import a conflict instead of a silent overwrite. Unchanged
    /// articles keep their version; a changed one's pending correction is dropped, audited.
    /// Returns the changed ones, whose revisions follow the first save.
    /// </summary>
    private async Task<List<(Article Article, ArticleSnapshot Before)>> NextVersionsAsync(List<(Article Article, ArticleSnapshot Before)> stored, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var changed = stored.Where(s => db.Entry(s.Article).State == EntityState.Modified).ToList();
        foreach (var (article, _) in changed)
        {
            // A 待审修改 started from the text the import replaces: approved later, it would undo
            // the import without anyone noticing. It is dropped (its text stays in history).
            if (article.PendingRevision is not null)
            {
                article.PendingRevision = null;
                article.PendingStatus = null;
                article.ReviewStage = 0;
                article.SubmittedAt = null;
                article.ReviewComment = null;
                audit.Add(AuditActions.ArticleCorrectionDiscard, "article", article.Id.ToString(CultureInfo.InvariantCulture), "导入更新了线上版本，待审修改已作废（内容保留在历史版本中）");
            }

            await revisions.NextVersionAsync(article, _now, cancellationToken);
            if (article.Status == ArticleStatus.Published)
            {
                article.LiveRevision = article.Version;
            }
        }

        return changed;
    }

    private async Task AddRevisionsAsync(List<(Article Article, ArticleSnapshot Before)> changed, CancellationToken cancellationToken)
    {
        foreach (var (article, before) in changed)
        {
            await revisions.AddRevisionAsync(article, userId: null, ImportRevisionNote, pending: null, ImportAuthorName, _now, cancellationToken);

            var key = article.Id.ToString(CultureInfo.InvariantCulture);
            var fields = RevisionDiff.ChangedFieldNames(before, ArticleSnapshot.Of(article));
            audit.Add(AuditActions.ArticleEdit, "article", key, "导入修改：" + string.Join("、", fields));
            if (article.PublishedAt != before.PublishedAt)
            {
                audit.Add(AuditActions.ArticlePublishDateChange, "article", key, $"发布日期：{clock.Describe(before.PublishedAt)} → {clock.Describe(article.PublishedAt)}");
            }
        }
    }

    /// <summary>
    /// Adds the page's footer links, or updates the stored ones (matched by text in any group).
    /// What the mapping knows (address, group) wins; what it does not know is kept, so importing a
    /// page without a mapping never erases an address or moves a link. Links are never removed:
    /// a page shows only the links it had when it was captured.
    /// </summary>
    private void ApplyFooterLinks(ScrapedPage page, ImportMapping mapping, List<FooterLinkGroup> groups, HashSet<object> touched)
    {
        var order = new Dictionary<FooterLinkGroup, int>();
        foreach (var text in page.FooterLinks)
        {
            var mapped = mapping.Links.GetValueOrDefault(text);
            var link = groups.SelectMany(g => g.Links).FirstOrDefault(l => l.Text == text);
            var groupName = mapped?.Group ?? link?.Group?.Name ?? mapping.DefaultLinkGroup;
            var group = groups.FirstOrDefault(g => g.Name == groupName);
            if (group is null)
            {
                group = new FooterLinkGroup { Name = groupName, SortOrder = groups.Count };
                groups.Add(group);
                db.FooterLinkGroups.Add(group);
            }

            Touch(group, touched);
            var position = order.GetValueOrDefault(group);
            order[group] = position + 1;

            if (link is null)
            {
                link = new FooterLink { Text = text };
                group.Links.Add(link);
            }
            else if (link.Group != group)
            {
                link.Group!.Links.Remove(link);
                group.Links.Add(link);
            }

            link.Url = mapped?.Url ?? link.Url;
            link.SortOrder = position;
            Touch(link, touched);
        }
    }

    private SiteSettings? ApplySettings(ScrapedPage page, ImportMapping mapping, SiteSettings? settings, HashSet<object> touched)
    {
        var siteName = mapping.Site.Name ?? settings?.SiteName ?? page.CopyrightHolder;
        if (siteName is null)
        {
            // Nothing names the site yet: leave the settings alone until a page or mapping does.
            return settings;
        }

        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }

        settings.SiteName = siteName;
        settings.Sponsor = mapping.Site.Sponsor ?? settings.Sponsor ?? page.CopyrightHolder;
        settings.SiteCode = mapping.Site.SiteCode ?? settings.SiteCode;
        settings.CopyrightHolder = page.CopyrightHolder ?? settings.CopyrightHolder;
        settings.IcpNumber = page.IcpNumber ?? settings.IcpNumber;
        settings.PublicSecurityNumber = page.PublicSecurityNumber ?? settings.PublicSecurityNumber;
        settings.Address = page.Address ?? settings.Address;
        settings.Postcode = page.Postcode ?? settings.Postcode;
        settings.Maintainer = page.Maintainer ?? settings.Maintainer;
        settings.ErrorReportLabel = page.ErrorReportLabel ?? settings.ErrorReportLabel;
        settings.WeChatLabel = page.WeChatLabel ?? settings.WeChatLabel;
        Touch(settings, touched);
        return settings;
    }

    /// <summary>
    /// The sections under <paramref name="parent"/> (top level for null). Every section is loaded
    /// and tracked, so EF has set <see cref="Section.Parent"/> on stored and new ones alike.
    /// </summary>
    private static IEnumerable<Section> SiblingsOf(List<Section> sections, Section? parent) =>
        sections.Where(s => s.Parent == parent);


    private static void Touch(object entity, HashSet<object> touched) => touched.Add(entity);

    /// <summary>Sets <c>UpdatedAt</c> on every new or changed row that has one.</summary>
    private void StampUpdates(HashSet<object> touched)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entity in touched)
        {
            var entry = db.Entry(entity);
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Metadata.FindProperty("UpdatedAt") is not null)
            {
                entry.Property("UpdatedAt").CurrentValue = _now;
            }
        }
    }

    private ImportSummary Summarise(int files, HashSet<object> touched)
    {
        db.ChangeTracker.DetectChanges();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var entity in touched)
        {
            switch (db.Entry(entity).State)
            {
                case EntityState.Added:
                    created++;
                    break;
                case EntityState.Modified:
                    updated++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        return new ImportSummary(files, created, updated, unchanged);
    }

    /// <summary>
    /// The stable identity of an imported page: a hash of its file name without the extension
    /// (a capture's name, such as <c>000_99e2a6c886f82a7c</c>). Whatever changes inside the file,
    /// title and date included, updates the same article at the same address.
    /// </summary>
    public static string ImportKeyOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
    }
}
