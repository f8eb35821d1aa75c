namespace Portal.Tests.Infrastructure;

/// <summary>Where the repository's seed pages are, as the build copies them next to the tests.</summary>
public static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string TurpanPage => Path.Combine(Folder, "000_99e2a6c886f82a7c.txt");

    public static string TurpanText => File.ReadAllText(TurpanPage);

    /// <summary>
    /// The rows one import of the seed folder stores: 7 sections (6 menu sections and 地方动态),
    /// 1 article, 2 footer groups with 9 links, 1 settings row.
    /// </summary>
    public const int SeedRows = 7 + 1 + 2 + 9 + 1;

    /// <summary>A temp folder with a copy of the seed folder, for tests that change or add files.</summary>
    public static string CopyToTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", "seeds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
