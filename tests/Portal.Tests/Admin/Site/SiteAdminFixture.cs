using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Accounts;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>
/// An empty portal with an administrator and an editor signed in through the real login form,
/// shared by the tests of one class. Each class gets its own store, so classes run in parallel.
/// </summary>
public class SiteAdminFixture : IAsyncLifetime
{
    public SiteAdminFixture()
        : this(null)
    {
    }

    protected SiteAdminFixture(IDictionary<string, string?>? settings)
    {
        Factory = PortalFactory.Empty(settings);
    }

    public PortalFactory Factory { get; }

    /// <summary>Signed in as 管理员; keeps cookies, does not follow redirects.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Signed in as 编辑.</summary>
    public HttpClient Editor { get; private set; } = null!;

    /// <summary>No cookies, no redirects: a reader.</summary>
    public HttpClient Reader { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _ = Factory.Services; // starts the host: migrations and roles
        await CreateUserAsync("site-admin", PortalRoles.Admin);
        await CreateUserAsync("site-editor", PortalRoles.Editor);
        Admin = await SignInAsync("site-admin");
        Editor = await SignInAsync("site-editor");
        Reader = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public virtual Task DisposeAsync()
    {
        Admin.Dispose();
        Editor.Dispose();
        Reader.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action) => Factory.WithDbAsync(action);

    /// <summary>Posts a form as the client's user, with the antiforgery token from an admin page it can read.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media")));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    private Task<string> CreateUserAsync(string userName, string role) => StaffAccounts.CreateAsync(Factory, userName, role);

    private Task<HttpClient> SignInAsync(string userName) => StaffAccounts.SignInAsync(Factory, userName);
}
