namespace Portal.Web.Areas.Admin.Models;

/// <summary>An error answer (403, 404, …) to an admin address, shown inside the admin layout.</summary>
public sealed class AdminStatusViewModel
{
    public required int StatusCode { get; init; }

    public required string Title { get; init; }
}
