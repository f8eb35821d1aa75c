using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Data;

/// <summary>
/// The portal's one EF Core context. It has a single constructor so it can be pooled, and it
/// never migrates itself: migrations run at start-up only when configured, or through a verb.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<FooterLinkGroup> FooterLinkGroups => Set<FooterLinkGroup>();

    public DbSet<FooterLink> FooterLinks => Set<FooterLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite and SQL Server hand DateTime back with Kind=Unspecified,
        // which would be taken for local time when formatted; the converter restores Kind=Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
