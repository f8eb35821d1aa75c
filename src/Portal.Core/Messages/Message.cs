namespace Portal.Core.Messages;

/// <summary>
/// A resident's letter (信件) and its answer. The writer's personal data (name, phone, e-mail, IP)
/// is shown only to the staff who handle the letter and never on a public page; it can be erased
/// from a finished letter on request (<see cref="PersonalDataErasedAt"/>), the letter staying.
/// The 信件编号 readers see is derived from <see cref="Id"/> (<see cref="MessageNumbers"/>); the
/// 查询码 is kept only as a hash.
/// </summary>
public class Message
{
    public int Id { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>标题, as the writer typed it (plain text).</summary>
    public string Title { get; set; } = "";

    /// <summary>内容: plain text, line breaks kept, up to <see cref="Data.FieldLengths.MessageBody"/> characters.</summary>
    public string Body { get; set; } = "";

    /// <summary>姓名. Empty once erased.</summary>
    public string WriterName { get; set; } = "";

    /// <summary>手机号码: 11 digits, mainland format. Empty once erased.</summary>
    public string WriterPhone { get; set; } = "";

    /// <summary>电子邮箱, optional.</summary>
    public string? WriterEmail { get; set; }

    /// <summary>The address the letter was sent from, for abuse handling only.</summary>
    public string? WriterIp { get; set; }

    /// <summary>是否同意公开: the writer agreed that the letter and its reply be published.</summary>
    public bool ConsentToPublish { get; set; }

    /// <summary>SHA-256 (hex) of the 查询码 shown once to the writer.</summary>
    public string LookupCodeHash { get; set; } = "";

    /// <summary>SHA-256 (hex) of the normalised body, to refuse the same letter twice from one phone in a day.</summary>
    public string BodyHash { get; set; } = "";

    public MessageStatus Status { get; set; }

    /// <summary>When the letter arrived (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>When it was accepted (受理, UTC); the deadline counts from here.</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>The last working day to answer by, in the site's calendar (set at 受理).</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>承办部门: the department answering (set at 受理, changed by 转办).</summary>
    public int? DepartmentId { get; set; }

    public MessageDepartment? Department { get; set; }

    /// <summary>不予受理的理由, shown to the writer.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>答复: the department's reply (a draft while <see cref="MessageStatus.Accepted"/>).</summary>
    public string? Reply { get; set; }

    /// <summary>Who last wrote the reply (a reviewer cannot approve a reply they wrote).</summary>
    public string? ReplyAuthorId { get; set; }

    /// <summary>When the reply was submitted for review (UTC).</summary>
    public DateTime? ReplySubmittedAt { get; set; }

    /// <summary>Who approved the reply.</summary>
    public string? ReplyApprovedById { get; set; }

    /// <summary>办结 / 不予受理 time (UTC): the 答复日期 readers see.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Set when the writer's personal data was erased on request.</summary>
    public DateTime? PersonalDataErasedAt { get; set; }

    /// <summary>Optimistic concurrency: two handlers acting on one letter at once cannot both win.</summary>
    public int Version { get; set; }

    public List<MessageNote> Notes { get; set; } = [];

    /// <summary>Shown on the public list: answered, and the writer consented (an erasure removes only the personal data).</summary>
    public bool IsPublic => Status == MessageStatus.Closed && ConsentToPublish;
}
