namespace Portal.Web.Hosting;

/// <summary>Where the portal keeps its files (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The data folder: the SQLite database, logs and (later) uploaded media. A relative path is
    /// resolved against the content root (<c>src/Portal.Web</c> under <c>dotnet run</c>). Default <c>App_Data</c>.
    /// </summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The absolute data folder for a configured path and content root.</summary>
    public static string Resolve(string? configured, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured, contentRoot);
}
