namespace Portal.Core.Audit;

/// <summary>
/// What an audit entry happened to, in words: the object's current name (a user's display name,
/// an article's title), where it is edited (null when there is no page for it any more), and a
/// note on its state (已删除（回收站）, 已永久删除).
/// </summary>
public sealed record AuditTarget(string Text, string? Href, string? Note)
{
    /// <summary>The text and the note as one string (the CSV export's 对象 cell).</summary>
    public override string ToString() => Note is null ? Text : $"{Text}（{Note}）";
}
