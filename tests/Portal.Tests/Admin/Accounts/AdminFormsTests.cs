using System.Net;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>
/// Every form that posts, on every admin page (discovered from the route table, on the seeded
/// store so that id 1 exists), carries its own antiforgery token: a form without one would be
/// refused with 400 in the browser even though a test posting a borrowed token passes.
/// </summary>
public sealed class AdminFormsTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => StaffAccounts.CreateAsync(_factory, "forms-admin", PortalRoles.Admin);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AdminPages_EveryPostForm_CarriesItsOwnAntiforgeryToken()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "forms-admin");
        var pages = AdminEndpoints.All(_factory).Where(e => e.Methods.Contains("GET")).Select(e => e.Path).Distinct().ToList();
        var checkedForms = 0;
        foreach (var page in pages)
        {
            var (response, document) = await _factory.GetDocumentAsync(page, admin);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                checkedForms++;
                Assert.True(
                    form.QuerySelectorAll("input[name='__RequestVerificationToken']").Length == 1,
                    $"a form posting to {form.GetAttribute("action")} on {page} has no (or more than one) antiforgery token");
            }
        }

        // The seeded store has articles, sections and links: many pages with forms were checked.
        Assert.True(checkedForms > 20, $"only {checkedForms} forms were checked");
    }
}
