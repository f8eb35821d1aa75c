using Portal.Core.Site;

namespace Portal.Core.Writing;

/// <summary>How a Word import ended.</summary>
public enum WordImportOutcome
{
    /// <summary>The draft was created (<see cref="WordImportResult.ArticleId"/>).</summary>
    Created,

    /// <summary>The images are stored, but some have no alt text: the editor gives it, then the draft is created.</summary>
    NeedsAltText,

    /// <summary>Nothing was written; <see cref="WordImportResult.Message"/> says why.</summary>
    Refused,
}

/// <summary>An image stored by an import that still needs its alt text.</summary>
public sealed record PendingImage(string StoredName, string Name)
{
    public string Url => Media.MediaLibrary.UrlOf(StoredName);
}

/// <summary>The converted document waiting for alt text: it travels in the second step's form.</summary>
public sealed record WordImportDraft(string Title, string Markdown, string FileName, IReadOnlyList<PendingImage> Images);

/// <summary>The result of <see cref="WordImportService"/>'s two steps, with Chinese messages.</summary>
public sealed record WordImportResult(
    WordImportOutcome Outcome,
    int ArticleId = 0,
    string? Message = null,
    IReadOnlyList<string>? Notes = null,
    WordImportDraft? Draft = null,
    IReadOnlyList<FieldError>? FieldErrors = null)
{
    public static WordImportResult Refused(string message, IReadOnlyList<FieldError>? fieldErrors = null) =>
        new(WordImportOutcome.Refused, Message: message, FieldErrors: fieldErrors is { Count: > 0 } ? fieldErrors : null);
}
