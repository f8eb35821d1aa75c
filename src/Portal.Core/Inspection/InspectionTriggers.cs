using System.Linq.Expressions;
using Portal.Core.Audit;

namespace Portal.Core.Inspection;

/// <summary>
/// The audited actions after which the background inspection runs again (shortly, debounced):
/// everything that changes what readers see or what the rules read. Sign-ins, accounts, preview
/// links and the inspection's own 重新检查 are left out.
/// </summary>
public static class InspectionTriggers
{
    /// <summary>Prefixes of <see cref="AuditEntry.Action"/> values (see <see cref="AuditActions"/>).</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["article.", "section.", "media.", "footer.", "settings.", "home.", "demo."];

    /// <summary>Whether an audit entry is a trigger, as a filter every provider translates (<c>LIKE 'article.%' OR …</c>).</summary>
    public static Expression<Func<AuditEntry, bool>> IsTrigger { get; } = Build();

    private static Expression<Func<AuditEntry, bool>> Build()
    {
        var entry = Expression.Parameter(typeof(AuditEntry), "a");
        var action = Expression.Property(entry, nameof(AuditEntry.Action));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = Prefixes
            .Select(p => (Expression)Expression.Call(action, startsWith, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }
}
