namespace Portal.Core.Site;

/// <summary>A field-level problem with an admin change, in Chinese, for the form to show beside the field.</summary>
/// <param name="Field">The input's property name (e.g. <c>Slug</c>), or empty for the whole form.</param>
/// <param name="Message">What is wrong, in words an editor understands.</param>
public sealed record FieldError(string Field, string Message);

/// <summary>How an admin command ended.</summary>
public enum CommandOutcome
{
    Ok,
    NotFound,

    /// <summary>The actor may not do this; <see cref="CommandResult.Message"/> says why.</summary>
    Forbidden,

    /// <summary>The input or the state refused it; the message and the field errors say why.</summary>
    Invalid,

    /// <summary>Someone else changed the thing since the caller loaded it; nothing was written.</summary>
    Conflict,
}

/// <summary>
/// The result of every admin command (articles, sections, footer links, settings, users): done,
/// or why not, in Chinese for the editor. The services check every rule themselves (the forms'
/// attributes are a convenience), so a hand-made request cannot get past them. A form shows the
/// errors one way (<c>AdminController.ShowErrors</c>): each <see cref="FieldError"/> beside its
/// field, a message without field errors in the form's summary.
/// </summary>
public sealed record CommandResult
{
    /// <summary>The message of a refusal with field errors, above the form.</summary>
    public const string FixFieldsMessage = "请修改标出的内容。";

    private CommandResult(CommandOutcome outcome, string? message, IReadOnlyList<FieldError>? errors = null, int? id = null, string? key = null)
    {
        Outcome = outcome;
        Message = message;
        Errors = errors ?? [];
        Id = id;
        Key = key;
    }

    public CommandOutcome Outcome { get; }

    /// <summary>What the person is told: the success message, or why not.</summary>
    public string? Message { get; }

    /// <summary>Per-field problems, keyed by the input model's property names.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The id of the created or changed row (an article, a section…), when it has a number.</summary>
    public int? Id { get; }

    /// <summary>The key of the created or changed row when it is text (a user's id).</summary>
    public string? Key { get; }

    public bool Succeeded => Outcome == CommandOutcome.Ok;

    public static CommandResult Ok(string? message = null, int? id = null) => new(CommandOutcome.Ok, message, id: id);

    public static CommandResult OkKey(string key, string? message = null) => new(CommandOutcome.Ok, message, key: key);

    public static CommandResult NotFound(string message = "要操作的内容不存在或已被删除。") => new(CommandOutcome.NotFound, message);

    public static CommandResult Forbidden(string message) => new(CommandOutcome.Forbidden, message);

    /// <summary>A refusal of the whole form (no field to point at).</summary>
    public static CommandResult Invalid(string message) => new(CommandOutcome.Invalid, message);

    /// <summary>A refusal pointing at one field.</summary>
    public static CommandResult Invalid(string field, string message) => new(CommandOutcome.Invalid, FixFieldsMessage, [new FieldError(field, message)]);

    /// <summary>A refusal pointing at several fields (none of them empty: that is <see cref="Invalid(string)"/>).</summary>
    public static CommandResult Invalid(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A refusal needs at least one error.", nameof(errors)) : new(CommandOutcome.Invalid, FixFieldsMessage, errors);

    public static CommandResult Conflict(int id, string message) => new(CommandOutcome.Conflict, message, id: id);

    /// <summary>The error message of one field, or null.</summary>
    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
