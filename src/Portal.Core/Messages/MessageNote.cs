namespace Portal.Core.Messages;

/// <summary>An internal note on a letter: staff only, never shown to the writer.</summary>
public class MessageNote
{
    public int Id { get; set; }

    public int MessageId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>The author's display name when the note was written.</summary>
    public string AuthorName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
