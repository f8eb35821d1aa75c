using System.Globalization;
using System.Text;

namespace Portal.Core.Demo;

/// <summary>
/// Fills a template: <c>{name}</c> takes the article's value of that name (its place, department,
/// people, year…); <c>{name:lo-hi}</c> a number in that range, drawn once per article, so the same
/// name repeats the same number. A name the article has no value for is a bug in the templates.
/// </summary>
internal static class DemoText
{
    public static string Fill(string template, Dictionary<string, string> values, ref DemoRandom random)
    {
        var text = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            text.Append(template, at, open - at);
            text.Append(Value(template.AsSpan(open + 1, close - open - 1), values, ref random, template));
            at = close + 1;
        }

        return text.ToString();
    }

    private static string Value(ReadOnlySpan<char> placeholder, Dictionary<string, string> values, ref DemoRandom random, string template)
    {
        var colon = placeholder.IndexOf(':');
        var name = (colon < 0 ? placeholder : placeholder[..colon]).ToString();
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        if (colon < 0)
        {
            throw new InvalidOperationException($"No value for {{{name}}} in the demo template \"{template}\".");
        }

        var range = placeholder[(colon + 1)..];
        var dash = range.IndexOf('-');
        var min = long.Parse(range[..dash], CultureInfo.InvariantCulture);
        var max = long.Parse(range[(dash + 1)..], CultureInfo.InvariantCulture);
        value = random.Between(min, max).ToString(CultureInfo.InvariantCulture);
        values[name] = value;
        return value;
    }
}
