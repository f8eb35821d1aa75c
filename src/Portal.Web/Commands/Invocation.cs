namespace Portal.Web.Commands;

/// <summary>
/// The command line split in two: a verb with its arguments (<c>import seeds</c>), and the
/// <c>--key=value</c> / <c>--key value</c> settings that go to the host's configuration.
/// </summary>
public sealed record Invocation(string? Verb, IReadOnlyList<string> VerbArgs, string[] HostArgs, IReadOnlyDictionary<string, string> VerbOptions)
{
    /// <summary>The options that belong to verbs rather than to configuration.</summary>
    public static IReadOnlySet<string> VerbOptionNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "--role", "--display-name", "--force", "--articles", "--seed", "--queries", "--json" };

    /// <summary>The verb options that are flags: present or not, they take no value (<c>restore x.zip --force</c>).</summary>
    public static IReadOnlySet<string> VerbFlagNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "--force", "--json" };

    public static Invocation Parse(string[] args)
    {
        var positional = new List<string>();
        var host = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (VerbFlagNames.Contains(arg))
            {
                options[arg] = "true";
            }
            else if (VerbFlagNames.Contains(name))
            {
                // A flag takes no value: "--force=false" must not force anything. Kept as a
                // positional argument, it makes the verb's argument count wrong: a usage error.
                positional.Add(arg);
            }
            else if (VerbOptionNames.Contains(name))
            {
                options[name] = arg.Contains('=', StringComparison.Ordinal) ? arg.Split('=', 2)[1]
                    : i + 1 < args.Length ? args[++i] : "";
            }
            else if (arg.StartsWith('-'))
            {
                host.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                {
                    host.Add(args[++i]);
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        return positional.Count == 0
            ? new Invocation(null, [], host.ToArray(), options)
            : new Invocation(positional[0], positional.Skip(1).ToList(), host.ToArray(), options);
    }
}
