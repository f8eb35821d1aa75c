namespace Portal.Core.Site;

/// <summary>
/// The outcome of an admin command: success, not found, or the field errors that refused it.
/// The admin services check every rule themselves (the forms' attributes are a convenience), so
/// a hand-made request cannot get past them.
/// </summary>
public sealed class ChangeResult
{
    private ChangeResult(bool found, IReadOnlyList<FieldError> errors, int? id)
    {
        Found = found;
        Errors = errors;
        Id = id;
    }

    public static ChangeResult NotFound { get; } = new(false, [], null);

    /// <summary>Whether the thing to change exists.</summary>
    public bool Found { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The id of the created or changed row, when the change succeeded.</summary>
    public int? Id { get; }

    public bool Succeeded => Found && Errors.Count == 0;

    public static ChangeResult Ok(int? id = null) => new(true, [], id);

    public static ChangeResult Fail(string field, string message) => new(true, [new FieldError(field, message)], null);

    public static ChangeResult Fail(IReadOnlyList<FieldError> errors) => new(true, errors, null);
}
