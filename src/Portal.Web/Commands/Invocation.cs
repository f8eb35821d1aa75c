namespace Portal.Web.Commands;

/// <summary>
/// The command line split in two: a verb with its arguments (<c>import seeds</c>), and the
/// <c>--key=value</c> / <c>--key value</c> settings that go to the host's configuration.
/// </summary>
public sealed record Invocation(string? Verb, IReadOnlyList<string> VerbArgs, string[] HostArgs)
{
    public static Invocation Parse(string[] args)
    {
        var positional = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-'))
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
            ? new Invocation(null, [], host.ToArray())
            : new Invocation(positional[0], positional.Skip(1).ToList(), host.ToArray());
    }
}
