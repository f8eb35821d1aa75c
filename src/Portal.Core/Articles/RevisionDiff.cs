using System.Globalization;
using DiffPlex;

namespace Portal.Core.Articles;

/// <summary>What happened to a stretch of text between two revisions.</summary>
public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A stretch of the body diff.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>A field whose value differs between two revisions, as display text.</summary>
public sealed record FieldChange(string Label, string Old, string New);

/// <summary>
/// Compares two states of an article for people: a character-level diff of the body (Chinese has
/// no spaces between words, so word-level diffs would mark whole sentences) and the list of other
/// fields that changed.
/// </summary>
public static class RevisionDiff
{
    /// <summary>
    /// The body diff from <paramref name="oldText"/> to <paramref name="newText"/> as runs of
    /// unchanged, deleted and inserted text, in reading order (a deletion before its insertion).
    /// </summary>
    public static IReadOnlyList<DiffSegment> Body(string oldText, string newText)
    {
        var result = Differ.Instance.CreateCharacterDiffs(oldText, newText, ignoreWhitespace: false);
        var segments = new List<DiffSegment>();
        var position = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(segments, DiffKind.Unchanged, Join(result.PiecesOld, position, block.DeleteStartA - position));
            Append(segments, DiffKind.Deleted, Join(result.PiecesOld, block.DeleteStartA, block.DeleteCountA));
            Append(segments, DiffKind.Inserted, Join(result.PiecesNew, block.InsertStartB, block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        Append(segments, DiffKind.Unchanged, Join(result.PiecesOld, position, result.PiecesOld.Count - position));
        return segments;
    }

    /// <summary>The fields other than the body that differ, with old and new values as text.</summary>
    public static IReadOnlyList<FieldChange> Fields(ArticleSnapshot before, ArticleSnapshot after, Func<int, string> sectionName, Func<DateTime, string> formatDate)
    {
        var changes = new List<FieldChange>();
        void Compare(string label, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(label, a ?? "", b ?? ""));
            }
        }

        Compare("标题", before.Title, after.Title);
        Compare("栏目", sectionName(before.SectionId), sectionName(after.SectionId));
        Compare("来源", before.Source, after.Source);
        Compare("发布日期", formatDate(before.PublishedAt), formatDate(after.PublishedAt));
        Compare("摘要", before.Summary, after.Summary);
        Compare("关键词", before.Keywords, after.Keywords);
        Compare("封面图片", Id(before.CoverImageId), Id(after.CoverImageId));
        return changes;
    }

    /// <summary>The names of the fields (body included) that differ, for the audit log.</summary>
    public static IReadOnlyList<string> ChangedFieldNames(ArticleSnapshot before, ArticleSnapshot after)
    {
        var names = Fields(before, after, id => id.ToString(CultureInfo.InvariantCulture), d => d.ToString("O", CultureInfo.InvariantCulture))
            .Select(c => c.Label).ToList();
        if (!string.Equals(before.BodyMarkdown, after.BodyMarkdown, StringComparison.Ordinal))
        {
            names.Add("正文");
        }

        return names;
    }

    private static string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Join(IReadOnlyList<string> pieces, int start, int count) =>
        count <= 0 ? "" : string.Concat(pieces.Skip(start).Take(count));

    private static void Append(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}
