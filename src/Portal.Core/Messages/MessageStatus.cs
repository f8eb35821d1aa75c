namespace Portal.Core.Messages;

/// <summary>
/// Where a letter is in its cycle: 待受理 → 办理中 (accepted and assigned to a department; 转办
/// keeps it here) → 待审核 (the department submitted its reply) → 已办结 (the reply was approved:
/// the writer can read it, and it is published when they consented). 不予受理 ends a letter that
/// is not accepted, with a reason the writer can read. Stored by name.
/// </summary>
public enum MessageStatus
{
    /// <summary>待受理: received, not yet looked at.</summary>
    Received,

    /// <summary>办理中: accepted, a department is answering it (the reply may be a saved draft).</summary>
    Accepted,

    /// <summary>待审核: the department's reply waits for a reviewer.</summary>
    ReplySubmitted,

    /// <summary>已办结: the reply was approved; the writer can read it.</summary>
    Closed,

    /// <summary>不予受理: refused, with a reason the writer can read.</summary>
    Refused,
}
