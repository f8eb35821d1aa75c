namespace Portal.Core.Search;

/// <summary>What a <see cref="ContentChange"/> names. Stored as text.</summary>
public enum ContentChangeKind
{
    /// <summary>One article (by URL key) was created, edited, published, withdrawn, deleted or restored.</summary>
    Article,

    /// <summary>A section (by id) was renamed, moved, hidden or deleted: every article below it may read differently.</summary>
    Section,

    /// <summary>Too much changed to name (a restore, a bulk load, a <c>reindex</c>): rebuild everything from the store.</summary>
    All,
}
