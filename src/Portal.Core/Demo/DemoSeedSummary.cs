using System.Globalization;

namespace Portal.Core.Demo;

/// <summary>What a <c>seed-demo</c> run wrote.</summary>
public sealed record DemoSeedSummary(int Articles, int Sections, bool SectionsCreated, TimeSpan Elapsed)
{
    /// <summary>The one line the verb prints.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Generated {Articles} demo article(s) in {Sections} section(s){(SectionsCreated ? " (created)" : "")} in {Elapsed.TotalSeconds:0.0} s.");
}
