namespace Portal.Core.Inspection;

/// <summary>What one rule found wrong with one thing: the rule's id, how serious, about what, what to do (Chinese), and the admin page that fixes it.</summary>
public sealed record Finding(string Rule, InspectionLevel Level, string Subject, string Message, string Url)
{
    /// <summary>The level as the <c>inspect</c> verb prints it: <c>veto</c>, <c>warning</c> or <c>info</c>.</summary>
    public string LevelName => Level switch
    {
        InspectionLevel.Veto => "veto",
        InspectionLevel.Warning => "warning",
        _ => "info",
    };
}
