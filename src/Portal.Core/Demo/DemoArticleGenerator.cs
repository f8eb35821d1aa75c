using System.Globalization;

namespace Portal.Core.Demo;

/// <summary>
/// Composes plausible Chinese government news for load tests and demonstrations: article
/// <c>i</c> of seed <c>s</c> depends on nothing else (not on how many are made, nor on batches),
/// so the same seed always gives the same titles, keys and bodies. Bodies are paragraphs of plain
/// text; titles and bodies combine a topic with a place, department, people and figures, so they
/// vary enough to search.
/// </summary>
public sealed class DemoArticleGenerator
{
    /// <summary>How far back publish dates reach.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    private const string KeyPrefix = "demo";

    private readonly int _seed;
    private readonly List<IReadOnlyList<DemoCategory>> _sections;

    /// <param name="seed">The run's seed.</param>
    /// <param name="sectionSlugs">The slugs of the sections articles go to, in a fixed order.</param>
    public DemoArticleGenerator(int seed, IReadOnlyList<string> sectionSlugs)
    {
        ArgumentNullException.ThrowIfNull(sectionSlugs);
        if (sectionSlugs.Count == 0)
        {
            throw new ArgumentException("Demo articles need at least one section.", nameof(sectionSlugs));
        }

        _seed = seed;
        _sections = sectionSlugs.Select(DemoSections.CategoriesFor).ToList();
    }

    /// <summary>
    /// The URL key of article <paramref name="index"/> of <paramref name="seed"/>: "demo" and 16 hex
    /// digits. Random-looking, and distinct for every index of one seed (a bijection of the index).
    /// </summary>
    public static string KeyOf(int seed, long index) =>
        KeyPrefix + DemoRandom.Mix((ulong)index + SeedOffset(seed, 1)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Article <paramref name="index"/>, published within <see cref="Span"/> before <paramref name="now"/>.</summary>
    public DemoArticle Create(long index, DateTime now)
    {
        var random = new DemoRandom(DemoRandom.Mix((ulong)index + SeedOffset(_seed, 2)));
        var sectionIndex = random.Next(_sections.Count);
        var category = random.Pick(_sections[sectionIndex]);
        var topic = random.Pick(category.Topics);
        var place = Place(ref random);
        var published = now.AddMinutes(-random.Between(0, (long)Span.TotalMinutes));
        published = new DateTime(published.Ticks - (published.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var department = Department(place, random.Pick(topic.Departments));
        var values = Values(ref random, place, topic, department, published);

        var title = DemoText.Fill(random.Pick(topic.Titles), values, ref random);
        var paragraphs = topic.IsDocument ? Document(ref random, category, topic, values) : News(ref random, category, topic, values);
        return new DemoArticle(
            KeyOf(_seed, index),
            sectionIndex,
            title,
            department,
            published,
            string.Join("\n\n", paragraphs),
            Summary(ref random, paragraphs[0], topic.IsDocument ? 0.2 : 0.4),
            Keywords(ref random, topic, place, topic.IsDocument ? 0.3 : 0.65));
    }

    private static ulong SeedOffset(int seed, ulong stream) => DemoRandom.Mix(((ulong)(uint)seed << 8) | stream);

    private static List<string> News(ref DemoRandom random, DemoCategory category, DemoTopic topic, Dictionary<string, string> values)
    {
        var paragraphs = new List<string> { DemoText.Fill(random.Pick(topic.Leads), values, ref random) };
        var order = Shuffled(ref random, topic.Paragraphs.Count);
        var count = (int)random.Between(2, Math.Min(4, topic.Paragraphs.Count));
        foreach (var i in order.Take(count))
        {
            paragraphs.Add(DemoText.Fill(topic.Paragraphs[i], values, ref random));
        }

        var shared = category.Shared.Concat(DemoTopics.Common).ToList();
        var extra = (int)random.Between(1, 2);
        foreach (var i in Shuffled(ref random, shared.Count).Take(extra))
        {
            paragraphs.Add(DemoText.Fill(shared[i], values, ref random));
        }

        return paragraphs;
    }

    private static List<string> Document(ref DemoRandom random, DemoCategory category, DemoTopic topic, Dictionary<string, string> values)
    {
        var paragraphs = new List<string> { DemoText.Fill(random.Pick(topic.Leads), values, ref random) };
        var skip = topic.Paragraphs.Count > 4 && random.Chance(0.4) ? (int)random.Between(1, topic.Paragraphs.Count - 2) : -1;
        for (var i = 0; i < topic.Paragraphs.Count; i++)
        {
            if (i != skip)
            {
                paragraphs.Add(DemoText.Fill(topic.Paragraphs[i], values, ref random));
            }
        }

        if (category.Closers.Count > 0 && random.Chance(0.5))
        {
            paragraphs.Add(DemoText.Fill(random.Pick(category.Closers), values, ref random));
        }

        return paragraphs;
    }

    private static int[] Shuffled(ref DemoRandom random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static string? Summary(ref DemoRandom random, string lead, double probability)
    {
        if (!random.Chance(probability))
        {
            return null;
        }

        var end = lead.IndexOf('。', StringComparison.Ordinal);
        return end is >= 20 and < 120 ? lead[..(end + 1)] : null;
    }

    private static string? Keywords(ref DemoRandom random, DemoTopic topic, DemoPlace place, double probability)
    {
        if (!random.Chance(probability))
        {
            return null;
        }

        var order = Shuffled(ref random, topic.Keywords.Count);
        var words = order.Take((int)random.Between(2, 3)).Select(i => topic.Keywords[i]).ToList();
        if (random.Chance(0.5))
        {
            words.Add(place.Short);
        }

        return string.Join(',', words);
    }

    private static DemoPlace Place(ref DemoRandom random)
    {
        var prefectures = DemoPlaces.Prefectures;
        var roll = random.Next(prefectures.Sum(p => p.Weight));
        var prefecture = prefectures[0];
        foreach (var candidate in prefectures)
        {
            prefecture = candidate;
            roll -= candidate.Weight;
            if (roll < 0)
            {
                break;
            }
        }

        var county = prefecture.CountyAlways || random.Chance(0.55) ? random.Pick(prefecture.Counties) : null;

        // A 地区 is governed by a 行政公署; a city, prefecture or county by a 人民政府.
        var government = (county ?? prefecture.Short) + (county is null && prefecture.Short.EndsWith("地区", StringComparison.Ordinal) ? "行政公署" : "人民政府");
        return new DemoPlace(prefecture.Name, prefecture.Name + county, county ?? prefecture.Short, government);
    }

    private static string Department(DemoPlace place, string department) => department switch
    {
        "人民政府" => place.Government,
        "人民政府办公室" => place.Government + "办公室",
        _ => place.Short + department,
    };

    private static Dictionary<string, string> Values(ref DemoRandom random, DemoPlace place, DemoTopic topic, string department, DateTime published)
    {
        var people = Shuffled(ref random, DemoPlaces.People.Count);
        var villages = Shuffled(ref random, DemoPlaces.Villages.Count);
        var year = published.Year;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["P"] = place.Full,
            ["p"] = place.Short,
            ["pref"] = place.Prefecture,
            ["pp"] = place.Short,
            ["dept"] = department,
            ["town"] = random.Pick(DemoPlaces.TownsByPrefecture.GetValueOrDefault(place.Prefecture) ?? [.. DemoPlaces.Towns]),
            ["village"] = DemoPlaces.Villages[villages[0]],
            ["village2"] = DemoPlaces.Villages[villages[1]],
            ["person"] = DemoPlaces.People[people[0]],
            ["person2"] = DemoPlaces.People[people[1]],
            ["company"] = "新疆" + random.Pick(DemoPlaces.CompanyRoots) + random.Pick(DemoPlaces.CompanyKinds),
            ["prog"] = topic.Programmes.Count > 0 ? random.Pick(topic.Programmes) : "",
            ["crop"] = random.Pick(DemoPlaces.Crops.GetValueOrDefault(place.Prefecture) ?? [.. DemoPlaces.DefaultCrops]),
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["ly"] = (year - 1).ToString(CultureInfo.InvariantCulture),
            ["month"] = published.Month.ToString(CultureInfo.InvariantCulture),
            ["holiday"] = random.Pick(DemoPlaces.Holidays),
            ["unit"] = random.Pick(DemoPlaces.Units),
            ["area"] = DemoPlaces.AreaCodes.GetValueOrDefault(place.Prefecture, "0991"),
        };
    }
}
