namespace Portal.Core.Messages;

/// <summary>
/// A kind of letter as the site offers it: switched on or off, and its deadline in working days
/// from 受理. One row per <see cref="MessageKind"/>; a missing row means the defaults
/// (<see cref="MessageKindDefaults"/>).
/// </summary>
public class MessageKindSetting
{
    public MessageKind Kind { get; set; }

    public bool Enabled { get; set; } = true;

    public int DeadlineWorkingDays { get; set; }
}

/// <summary>The defaults: 咨询 5 working days; 建议, 投诉 and 领导信箱 15.</summary>
public static class MessageKindDefaults
{
    public static int DeadlineWorkingDays(MessageKind kind) => kind == MessageKind.Consultation ? 5 : 15;

    /// <summary>The kind's name for readers and staff.</summary>
    public static string DisplayName(MessageKind kind) => kind switch
    {
        MessageKind.Mailbox => "领导信箱",
        MessageKind.Consultation => "咨询",
        MessageKind.Suggestion => "建议",
        MessageKind.Complaint => "投诉",
        _ => kind.ToString(),
    };
}
