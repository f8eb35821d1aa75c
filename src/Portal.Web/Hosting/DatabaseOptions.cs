using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>The database providers the portal runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Which database the portal uses and how it is prepared (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <c>Sqlite</c> (default, the embedded store), <c>SqlServer</c> or <c>PostgreSql</c>. Goes
    /// together with <c>ConnectionStrings:Portal</c>.
    /// </summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// Whether start-up applies pending migrations. Default: true for SQLite, false for the
    /// server databases, which are migrated by a deployment step.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// <c>ConnectionStrings:Portal</c>; for SQLite it defaults to <c>portal.db</c> in the data
    /// folder. Filled in at start-up, not bound from the <c>Database</c> section.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The validated provider.</summary>
    public DatabaseProvider ProviderKind => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);

    /// <summary>Whether start-up migrates, with the provider's default applied.</summary>
    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? ProviderKind == DatabaseProvider.Sqlite;
}

/// <summary>Fails start-up with a message that names the key and what it allows.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out _) || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider is '{options.Provider}'; allowed values are {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Portal is required when Database:Provider is {options.Provider}.");
        }

        return ValidateOptionsResult.Success;
    }
}
