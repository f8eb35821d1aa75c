using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>The account verbs as an operator runs them: the built app in its own process, the password on standard input.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed class UserVerbTests
{
    [Fact]
    public async Task CreateUser_WeakPassword_IsRefusedWithThePolicyMessage()
    {
        using var data = TempFolder.Create();

        var run = await PortalProcess.RunAsync("short1", "create-user", "alice", "--role", "admin", $"--Storage:DataPath={data.Path}");

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("The password is too weak", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("at least 10 characters", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOutLines);
    }

    [Fact]
    public async Task UserVerbs_CreateSetPasswordDisable_WorkAndAreAudited()
    {
        using var data = TempFolder.Create();
        var settings = $"--Storage:DataPath={data.Path}";

        var create = await PortalProcess.RunAsync("First-Passw0rd", "create-user", "bob", "--role", "reviewer", "--display-name", "李四", settings);
        var duplicate = await PortalProcess.RunAsync("First-Passw0rd", "create-user", "bob", "--role", "editor", settings);
        var badRole = await PortalProcess.RunAsync("First-Passw0rd", "create-user", "carol", "--role", "boss", settings);
        var setPassword = await PortalProcess.RunAsync("Second-Passw0rd", "set-password", "bob", settings);
        var disable = await PortalProcess.RunAsync(null, "disable-user", "bob", settings);
        var unknown = await PortalProcess.RunAsync(null, "disable-user", "nobody", settings);

        Assert.True(create.ExitCode == 0, create.Describe());
        Assert.Equal("Created user 'bob' with role reviewer.", Assert.Single(create.StdOutLines));
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("allowed roles are admin, reviewer, editor", badRole.StdErr, StringComparison.Ordinal);
        Assert.True(setPassword.ExitCode == 0, setPassword.Describe());
        Assert.True(disable.ExitCode == 0, disable.Describe());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No user named 'nobody'", unknown.StdErr, StringComparison.Ordinal);

        // The store the verbs wrote: the new password works, the account is disabled, all audited.
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Storage:DataPath"] = data.Path });
        await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var bob = await users.FindByNameAsync("bob");
            Assert.NotNull(bob);
            Assert.Equal("李四", bob.DisplayName);
            Assert.True(bob.IsDisabled);
            Assert.True(await users.CheckPasswordAsync(bob, "Second-Passw0rd"));
            Assert.Equal([PortalRoles.Reviewer], await users.GetRolesAsync(bob));
            return 0;
        });
        var actions = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToList()));
        Assert.Equal(["user.create", "user.password", "user.disable"], actions);
    }

    [Fact]
    public async Task CreateUser_NameWithSurroundingSpaces_IsStoredTrimmedAsOnTheAdminPages()
    {
        using var data = TempFolder.Create();
        var settings = $"--Storage:DataPath={data.Path}";

        var create = await PortalProcess.RunAsync("First-Passw0rd", "create-user", "  dave ", "--role", "editor", settings);
        var setPassword = await PortalProcess.RunAsync("Second-Passw0rd", "set-password", "dave", settings);

        Assert.True(create.ExitCode == 0, create.Describe());
        Assert.Equal("Created user 'dave' with role editor.", Assert.Single(create.StdOutLines));
        Assert.True(setPassword.ExitCode == 0, setPassword.Describe());
    }
}
