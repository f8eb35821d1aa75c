using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Backup;
using Portal.Core.Data;
using Portal.Core.Demo;
using Portal.Core.Import;
using Portal.Core.Search;
using Portal.Web.Hosting;

namespace Portal.Web.Commands;

/// <summary>
/// The command-line verbs of the portal: the same program and configuration as the web server,
/// but it runs one task and exits instead of serving. Exit code 0 on success, 1 on failure
/// (message on standard error), 2 on a usage error.
/// </summary>
public static class CommandRunner
{
    private const string Usage = """
        Usage: dotnet run --project src/Portal.Web -- <verb> [arguments] [--Key=Value ...]

        Verbs:
          import <file-or-folder>   Import captured pages (*.txt, with mapping.json beside them) in one transaction.
          migrate                   Apply the configured provider's pending migrations and exit.
          create-user <name> --role <admin|reviewer|editor> [--display-name <name>]
                                    Create an account; the password is read from standard input (one line).
          set-password <name>       Set a new password (from standard input), lift a lockout, end open sessions.
          disable-user <name>       Disable an account; it can no longer sign in.
          reset-2fa <name>          Remove an account's second factor (lost phone); it enrols again at its next sign-in.
          export <file>             Write the whole site (content, settings, accounts, audit log, media) to one archive.
          restore <file> [--force]  Load an archive into an empty store; --force replaces everything in a non-empty one.
                                    The archive is checked first; any failure leaves the store as it was (docs/backup.md).
          reindex                   Rebuild this server's search index from the store (while the portal runs: ask every
                                    server to rebuild its own, through the change log).
          benchmark-search [--queries N]
                                    Time N searches (default 1000) on this store and index; prints p50/p95/p99 (docs/search.md).
          seed-demo --articles N [--seed S]
                                    Generate N published demo articles (1 to 5,000,000; seed 1 by default) over the
                                    existing sections, or a demo section tree in an empty store, in one transaction.

          inspect [--json]          Run the inspection rules (docs/inspection.md) on this store now and print the findings,
                                    one per line or as a JSON array; exit code 3 when one is a veto (单项否决) risk.
        Without a verb the portal serves the web site.
        """;

    /// <summary>Settings for a verb run: the console carries the verb's own output, so logs below warnings stay quiet.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> QuietLogging { get; } =
        [new("Serilog:MinimumLevel:Default", "Warning")];

    /// <summary>
    /// Resolves a path the user typed. <c>dotnet run --project src/Portal.Web</c> starts the app in
    /// the project folder, not where the user stands; the shell's <c>PWD</c>, which the app
    /// inherits, still names that folder, so <c>import seeds</c> from the repository root works.
    /// </summary>
    public static string UserPath(string path)
    {
        var shellDirectory = Environment.GetEnvironmentVariable("PWD");
        return Path.IsPathRooted(path) || string.IsNullOrEmpty(shellDirectory) || !Directory.Exists(shellDirectory)
            ? Path.GetFullPath(path)
            : Path.GetFullPath(path, shellDirectory);
    }

    public static async Task<int> RunAsync(WebApplication app, Invocation invocation)
    {
        try
        {
            app.ValidatePortalOptions();
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (invocation.Verb == "migrate" && invocation.VerbArgs.Count == 0)
            {
                await services.GetRequiredService<StoreInitializer>().MigrateAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            }

            if (invocation.Verb == "inspect" && invocation.VerbArgs.Count == 0 && invocation.VerbOptions.Keys.All(k => k == "--json"))
            {
                await services.GetRequiredService<StoreInitializer>().MigrateIfConfiguredAsync();
                return await InspectVerb.RunAsync(services, invocation.VerbOptions.ContainsKey("--json"), Console.Out);
            }

            var verb = VerbOf(invocation);
            if (verb is null)
            {
                await Console.Error.WriteLineAsync($"Unknown command or wrong arguments: {invocation.Verb} {string.Join(' ', invocation.VerbArgs)}");
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            // Every other verb works on the store as the server would find it: migrated first when so configured.
            await services.GetRequiredService<StoreInitializer>().MigrateIfConfiguredAsync();
            Console.WriteLine(await verb(services));
            return 0;
        }
        catch (CommandException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (ImportException ex)
        {
            await Console.Error.WriteLineAsync($"Import failed, nothing was changed: {ex.Message}");
            return 1;
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DemoSeedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return 1;
        }
#pragma warning disable CA1031 // A verb's last line of defence: report any failure as one clear line and a non-zero exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"{invocation.Verb} failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Rebuilds the search index in the data folder. A running portal holds the index's write
    /// lock: then the verb asks every server, through the change log, to rebuild its own index.
    /// </summary>
    private static async Task<string> ReindexAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var index = services.GetRequiredService<SearchIndex>();
        if (!index.EnsureWritable())
        {
            ContentChangeRecorder.Add(db, ContentChangeKind.All, null, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return $"The search index at {index.Path} is in use by a running portal: a rebuild was requested through the change log; every running server rebuilds its own index in the background.";
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = await services.GetRequiredService<SearchIndexer>().RebuildAsync(db);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Rebuilt the search index at {index.Path}: {count} article(s) in {watch.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>The work of a verb other than <c>migrate</c>, returning its one line of output; null for a usage error.</summary>
    private static Func<IServiceProvider, Task<string>>? VerbOf(Invocation invocation)
    {
        var args = invocation.VerbArgs;
        var options = invocation.VerbOptions;
        return invocation.Verb switch
        {
            "import" when args.Count == 1 => async services =>
                (await services.GetRequiredService<SiteImporter>().ImportAsync(UserPath(args[0]))).ToString(),
            "create-user" when args.Count == 1 && options.ContainsKey("--role") => services =>
                services.GetRequiredService<UserCommands>().CreateAsync(args[0], options["--role"], options.GetValueOrDefault("--display-name"), Console.In),
            "set-password" when args.Count == 1 => services =>
                services.GetRequiredService<UserCommands>().SetPasswordAsync(args[0], Console.In),
            "disable-user" when args.Count == 1 => services =>
                services.GetRequiredService<UserCommands>().DisableAsync(args[0]),
            "reset-2fa" when args.Count == 1 && options.Count == 0 => services =>
                services.GetRequiredService<UserCommands>().ResetTwoFactorAsync(args[0]),
            "export" when args.Count == 1 && options.Count == 0 => async services =>
                (await services.GetRequiredService<BackupService>().ExportAsync(UserPath(args[0]))).ToString(),
            "restore" when args.Count == 1 && options.Keys.All(k => k == "--force") => async services =>
                (await services.GetRequiredService<BackupService>().RestoreAsync(UserPath(args[0]), options.ContainsKey("--force"))).ToString(),
            "reindex" when args.Count == 0 && options.Count == 0 => ReindexAsync,
            "benchmark-search" when args.Count == 0 && options.Keys.All(k => k == "--queries")
                && int.TryParse(options.GetValueOrDefault("--queries", "1000"), System.Globalization.CultureInfo.InvariantCulture, out var queries) && queries is > 0 and <= 1_000_000 =>
                services => SearchBenchmark.RunAsync(services, queries),
            "seed-demo" when args.Count == 0 && options.Keys.All(k => k is "--articles" or "--seed") => SeedDemo(options),
            _ => null,
        };
    }

    /// <summary>The <c>seed-demo</c> verb, its numbers checked before the store is touched.</summary>
    /// <exception cref="UsageException">A missing or bad <c>--articles</c> or <c>--seed</c>.</exception>
    private static Func<IServiceProvider, Task<string>> SeedDemo(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("--articles", out var articles)
            || !int.TryParse(articles, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > DemoSeeder.MaxArticles)
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"seed-demo needs --articles N with N a whole number from 1 to {DemoSeeder.MaxArticles:N0} (got \"{articles}\")."));
        }

        var seed = 1;
        if (options.TryGetValue("--seed", out var seedText) && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"seed-demo's --seed must be a whole number (got \"{seedText}\").");
        }

        return async services => (await services.GetRequiredService<DemoSeeder>().SeedAsync(count, seed)).ToString();
    }
}
