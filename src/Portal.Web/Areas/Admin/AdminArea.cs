namespace Portal.Web.Areas.Admin;

/// <summary>Which addresses belong to the admin area (everything under <c>/admin</c>).</summary>
public static class AdminArea
{
    public const string Prefix = "/admin";

    /// <summary>Whether <paramref name="path"/> is an admin address: <c>/admin</c> or below it, in any case (<c>/administration</c> is not).</summary>
    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
