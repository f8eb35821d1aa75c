namespace Portal.Core.Sections;

/// <summary>
/// A path a section used to have: when a slug changes, the old address answers with a 301 to the
/// section's current one, so links that readers and other sites hold keep working.
/// </summary>
public class SectionRedirect
{
    public int Id { get; set; }

    /// <summary>The old path, lower-case, without leading or trailing slash, e.g. <c>xinwen/difang</c>.</summary>
    public string OldPath { get; set; } = "";

    public int SectionId { get; set; }

    public Section? Section { get; set; }

    public DateTime CreatedAt { get; set; }
}
