using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Core.Search;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Data;

/// <summary>
/// The portal's one EF Core context, Identity's tables included. It has a single constructor so
/// it can be pooled, and it never migrates itself: migrations run at start-up only when
/// configured, or through a verb.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<FooterLinkGroup> FooterLinkGroups => Set<FooterLinkGroup>();

    public DbSet<FooterLink> FooterLinks => Set<FooterLink>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<ArticleApproval> ArticleApprovals => Set<ArticleApproval>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<MediaUse> MediaUses => Set<MediaUse>();

    public DbSet<SectionRedirect> SectionRedirects => Set<SectionRedirect>();

    public DbSet<UserSection> UserSections => Set<UserSection>();

    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<PreviewLink> PreviewLinks => Set<PreviewLink>();

    public DbSet<Home.HomeBlock> HomeBlocks => Set<Home.HomeBlock>();

    public DbSet<Home.HomeBlockLink> HomeBlockLinks => Set<Home.HomeBlockLink>();

    public DbSet<Inspection.InspectionRun> InspectionRuns => Set<Inspection.InspectionRun>();

    public DbSet<Inspection.InspectionFinding> InspectionFindings => Set<Inspection.InspectionFinding>();

    public DbSet<Inspection.LinkCheck> LinkChecks => Set<Inspection.LinkCheck>();

    public DbSet<Messages.Message> Messages => Set<Messages.Message>();

    public DbSet<Messages.MessageNote> MessageNotes => Set<Messages.MessageNote>();

    public DbSet<Messages.MessageDepartment> MessageDepartments => Set<Messages.MessageDepartment>();

    public DbSet<Messages.UserDepartment> UserDepartments => Set<Messages.UserDepartment>();

    public DbSet<Messages.MessageKindSetting> MessageKindSettings => Set<Messages.MessageKindSetting>();

    public DbSet<Messages.CalendarDay> CalendarDays => Set<Messages.CalendarDay>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own tables first, then ours (which may refine PortalUser).
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    /// <summary>
    /// The audit log is append-only: a change or deletion of an entry is refused here, below
    /// every page and verb, so no code path can rewrite history.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        ContentChangeRecorder.Record(ChangeTracker, UtcNow());
        await MediaUseRecorder.RecordAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        ContentChangeRecorder.Record(ChangeTracker, UtcNow());
        MediaUseRecorder.Record(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Now, from the application's <see cref="TimeProvider"/> when the context was made by its
    /// container (so tests that move the clock move the change log's times too).
    /// </summary>
    private DateTime UtcNow()
    {
        var app = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return (app?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite and SQL Server hand DateTime back with Kind=Unspecified,
        // which would be taken for local time when formatted; the converter restores Kind=Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
