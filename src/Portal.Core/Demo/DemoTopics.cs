using System.Text.Json;

namespace Portal.Core.Demo;

/// <summary>
/// The topics of demo articles, per category: titles, leads and paragraphs with placeholders
/// (see <see cref="DemoText"/>), and the paragraphs every category may share. Data, not code: they
/// live in <c>demo-topics.json</c> beside this file (embedded in the assembly), taken from the
/// building blocks of the search relevance corpus (tests/Portal.Tests/Search/Corpus/blocks.py),
/// so demo content reads like the real portal's. Official documents (notices, policy files,
/// interpretations) keep their clauses in order.
/// </summary>
internal static class DemoTopics
{
    private const string ResourceName = "Portal.Core.Demo.demo-topics.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<TopicData> Data = new(Load);

    /// <summary>The categories in a fixed order (an existing section without a known slug gets one by its position).</summary>
    public static IReadOnlyList<DemoCategory> Categories => Data.Value.Categories;

    /// <summary>Paragraphs any news article may use, whatever its category.</summary>
    public static IReadOnlyList<string> Common => Data.Value.Common;

    private static TopicData Load()
    {
        using var stream = typeof(DemoTopics).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return JsonSerializer.Deserialize<TopicData>(stream, Json)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} holds no topics.");
    }

    private sealed record TopicData(IReadOnlyList<DemoCategory> Categories, IReadOnlyList<string> Common);
}
