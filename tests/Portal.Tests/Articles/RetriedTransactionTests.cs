using Portal.Core.Site;
using Microsoft.Extensions.Options;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Articles;

/// <summary>
/// The multi-save units of the editorial workflow under a retrying execution strategy (as SQL
/// Server or PostgreSQL with EnableRetryOnFailure would run them), whose first commit fails:
/// the retry must store the change once, whole (docs/decisions/0003-transactions.md).
/// </summary>
public sealed class RetriedTransactionTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FailFirstCommit _interceptor = new();
    private int _sectionId;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        var section = TestContent.Section("新闻中心", "新闻", "xinwen");
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        _sectionId = section.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task CreateAsync_FirstCommitFails_RetryStoresOneArticleWithItsRevisionAndAudit()
    {
        await using var db = NewContext();
        var clock = new SiteClock(Options.Create(new SiteOptions()));
        var audit = new AuditLog(db, new Actor(), TimeProvider.System);
        var writer = new ArticleRevisionWriter(db, new MarkdownRenderer(), TimeProvider.System);
        var fieldRules = new ArticleFieldRules(db);
        var context = new EditorialContext(db);
        var runner = new ArticleCommandRunner(db, writer, context);
        var service = new EditorialService(
            db, audit, writer, fieldRules, context, runner, new ArticlePublishing(db, audit, fieldRules, runner, clock, TimeProvider.System), TimeProvider.System);
        _interceptor.Armed = true;

        var result = await service.CreateAsync(
            new EditorialActor("admin-id", CanReview: true, IsAdmin: true),
            new ArticleFields { Title = "重试稿件", SectionId = _sectionId, Source = "来源", BodyMarkdown = "正文" },
            submit: true);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, _interceptor.Failures);
        await using var check = NewContext();
        var article = await check.Articles.SingleAsync();
        Assert.Equal(result.Id, article.Id);
        Assert.Equal(1, article.Version);
        Assert.Single(await check.ArticleRevisions.Where(r => r.ArticleId == article.Id).ToListAsync());
        var actions = await check.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Action, e.TargetId }).ToListAsync();
        Assert.Equal([AuditActions.ArticleCreate, AuditActions.ArticleSubmit], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.TargetId));
    }

    [Fact]
    public async Task PublishDueAsync_FirstCommitFails_RetryPublishesOnceWithOneRevisionAndAudit()
    {
        await using (var setup = NewContext())
        {
            var article = TestContent.Article("due", "定时稿件", await setup.Sections.SingleAsync(), DateTime.UtcNow.AddMinutes(-1), ArticleStatus.Scheduled);
            article.Version = 2;
            setup.Articles.Add(article);
            await setup.SaveChangesAsync();
        }

        await using var db = NewContext();
        _interceptor.Armed = true;

        var published = await new ScheduledPublisher(db, new ArticleRevisionWriter(db, new MarkdownRenderer(), TimeProvider.System), new SiteClock(Options.Create(new SiteOptions())), TimeProvider.System, NullLogger<ScheduledPublisher>.Instance).PublishDueAsync();

        Assert.Equal(1, published);
        Assert.Equal(1, _interceptor.Failures);
        await using var check = NewContext();
        var stored = await check.Articles.SingleAsync();
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(3, stored.Version);
        Assert.Equal(3, Assert.Single(await check.ArticleRevisions.ToListAsync()).Number);
        Assert.Single(await check.AuditEntries.ToListAsync(), e => e.Action == AuditActions.ArticleScheduledPublish);
    }

    private PortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(_connection, sqlite => sqlite.ExecutionStrategy(dependencies => new RetryOnSimulatedFailure(dependencies)))
            .AddInterceptors(_interceptor)
            .Options);

    private sealed class Actor : IAuditActor
    {
        public string? UserId => "admin-id";

        public string UserName => "管理员";

        public string? IpAddress => null;
    }

    private sealed class SimulatedTransientException() : Exception("simulated transient failure");

    /// <summary>Retries what a provider's retrying strategy would, here only the simulated failure.</summary>
    private sealed class RetryOnSimulatedFailure(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(1))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is SimulatedTransientException;
    }

    /// <summary>Once armed, fails the next commit (the transaction then rolls back), as a dropped connection would.</summary>
    private sealed class FailFirstCommit : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public int Failures { get; private set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                Failures++;
                throw new SimulatedTransientException();
            }

            return ValueTask.FromResult(result);
        }
    }
}
