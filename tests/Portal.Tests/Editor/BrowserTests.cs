namespace Portal.Tests.Editor;

/// <summary>
/// The browser tests' collection: run on their own, after the rest, not beside them. A Chromium
/// with its renderer and GPU processes takes most of the two cores CI has, and the suite's
/// deadline-bound tests (search following the change log within 2 s, 30 concurrent requests)
/// then miss their deadlines for want of CPU, not for a fault.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public static class BrowserTests
{
    public const string Collection = "Browser";
}
