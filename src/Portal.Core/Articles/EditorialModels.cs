namespace Portal.Core.Articles;

/// <summary>
/// The editable fields of an article as an editor submits them (already trimmed by the caller or
/// not; the service trims). <see cref="PublishedAt"/> is UTC; null keeps the current date (or
/// "now" for a new article).
/// </summary>
public sealed record ArticleFields
{
    public string Title { get; init; } = "";

    public int SectionId { get; init; }

    public string Source { get; init; } = "";

    public DateTime? PublishedAt { get; init; }

    public string? Summary { get; init; }

    public string? Keywords { get; init; }

    public int? CoverImageId { get; init; }

    public string BodyMarkdown { get; init; } = "";
}

/// <summary>
/// Who acts in the editorial workflow. The web layer fills it from the signed-in user's roles;
/// the service checks every rule against it again, so hiding a button is never the only guard.
/// </summary>
/// <param name="UserId">The account's id.</param>
/// <param name="CanReview">审核 or 管理员: may return, approve, schedule and withdraw (<see cref="ArticleWorkflow"/> says exactly what).</param>
/// <param name="IsAdmin">管理员: may also force-publish with a reason and restore from the recycle bin.</param>
public sealed record EditorialActor(string UserId, bool CanReview, bool IsAdmin)
{
    /// <summary>
    /// Whether the actor may create and revoke 预览链接 (preview links for people without an
    /// account) for an article in <paramref name="sectionId"/>: whoever may review it, that is a
    /// reviewer or administrator who may work in that section. <paramref name="allowedSections"/>
    /// are the sections the account is limited to (empty: all; ignored for an administrator).
    /// The edit page's buttons and <see cref="Preview.PreviewLinkService"/> both read this rule.
    /// </summary>
    public bool MayCreatePreviewLink(IReadOnlyCollection<int>? allowedSections, int sectionId) =>
        CanReview && (IsAdmin || MayWorkIn(allowedSections, sectionId));

    /// <summary>Whether an account limited to <paramref name="allowed"/> sections may work in <paramref name="sectionId"/>. No rows: all sections. Null (an admin): always.</summary>
    public static bool MayWorkIn(IReadOnlyCollection<int>? allowed, int sectionId) =>
        allowed is null || allowed.Count == 0 || allowed.Contains(sectionId);
}

/// <summary>All the fields a revision keeps, for comparing any two states of an article.</summary>
public sealed record ArticleSnapshot(
    string Title,
    int SectionId,
    string Source,
    DateTime PublishedAt,
    string? Summary,
    string? Keywords,
    int? CoverImageId,
    string BodyMarkdown)
{
    public static ArticleSnapshot Of(Article a) =>
        new(a.Title, a.SectionId, a.Source, a.PublishedAt, a.Summary, a.Keywords, a.CoverImageId, a.BodyMarkdown);
}
