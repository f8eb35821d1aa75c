namespace Portal.Core.Messages;

/// <summary>
/// The four kinds of letter a resident can write (互动交流). Each can be switched off and has its own
/// deadline (<see cref="MessageKindSetting"/>). Stored by name, so the numbers may change.
/// </summary>
public enum MessageKind
{
    /// <summary>领导信箱: a letter to the body's leadership.</summary>
    Mailbox,

    /// <summary>咨询: a question.</summary>
    Consultation,

    /// <summary>建议: a suggestion.</summary>
    Suggestion,

    /// <summary>投诉: a complaint.</summary>
    Complaint,
}
