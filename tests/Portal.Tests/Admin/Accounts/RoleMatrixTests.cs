using System.Net;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>
/// Every admin endpoint, discovered from the app's route table, against every role: a new
/// endpoint without a policy fails here, and so does one whose policy lets the wrong role in.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    /// <summary>The admin actions open to anonymous users, by controller and action.</summary>
    private static readonly HashSet<string> Anonymous = ["Account.Login", "Account.TwoFactor"];

    private static readonly Dictionary<string, string[]> RolesOfPolicy = new()
    {
        [PortalPolicies.Staff] = [PortalRoles.Admin, PortalRoles.Reviewer, PortalRoles.Editor],
        [PortalPolicies.Review] = [PortalRoles.Admin, PortalRoles.Reviewer],
        [PortalPolicies.Administer] = [PortalRoles.Admin],
    };

    /// <summary>
    /// What the issue asks, written down independently of the code: the strictest policy each
    /// admin address needs (by path prefix, the longest match wins). Everything else is for all staff.
    /// </summary>
    private static readonly Dictionary<string, string> ExpectedPolicy = new()
    {
        ["/admin/articles/return/"] = PortalPolicies.Review,
        ["/admin/articles/publish/"] = PortalPolicies.Review,
        ["/admin/articles/schedule/"] = PortalPolicies.Review,
        ["/admin/articles/withdraw/"] = PortalPolicies.Review,
        ["/admin/articles/previewlinks/"] = PortalPolicies.Review,
        ["/admin/articles/feature/"] = PortalPolicies.Review,
        ["/admin/articles/forcepublish/"] = PortalPolicies.Administer,
        ["/admin/articles/bin"] = PortalPolicies.Administer,
        ["/admin/articles/restore/"] = PortalPolicies.Administer,
        ["/admin/articles/purge/"] = PortalPolicies.Administer,
        ["/admin/sections"] = PortalPolicies.Administer,
        ["/admin/footerlinks"] = PortalPolicies.Administer,
        ["/admin/home"] = PortalPolicies.Administer,
        ["/admin/settings"] = PortalPolicies.Administer,
        ["/admin/users"] = PortalPolicies.Administer,
        ["/admin/audit"] = PortalPolicies.Administer,

        // 网站检查 and 重新检查: every staff role (a run reads only, one at a time).
        ["/admin/inspection"] = PortalPolicies.Staff,
        ["/admin/inspection/run"] = PortalPolicies.Staff,
    };

    private readonly PortalFactory _factory = PortalFactory.Empty();
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            await StaffAccounts.CreateAsync(_factory, "matrix-" + role, role);
            _clients[role] = await StaffAccounts.SignInAsync(_factory, "matrix-" + role);
        }
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void AdminEndpoints_EachRequireANamedPolicy()
    {
        var endpoints = AdminEndpoints();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            if (Anonymous.Contains(endpoint.Name))
            {
                Assert.NotNull(endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }

            Assert.Null(endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.True(endpoint.Policies.Count > 0, $"{endpoint.Name} ({endpoint.Path}) has no named policy");
            Assert.All(endpoint.Policies, policy => Assert.Contains(policy, RolesOfPolicy.Keys));
        }
    }

    [Fact]
    public void AdminEndpoints_EachCarryTheStrictestPolicyTheIssueRequires()
    {
        foreach (var endpoint in AdminEndpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            var expected = ExpectedPolicy.Where(p => endpoint.Path.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault() ?? PortalPolicies.Staff;
            var rolesAllowed = PortalRoles.All.Where(role => endpoint.Policies.All(policy => RolesOfPolicy[policy].Contains(role)));

            Assert.True(
                rolesAllowed.SequenceEqual(RolesOfPolicy[expected]),
                $"{endpoint.Name} ({endpoint.Path}) lets in {string.Join(",", rolesAllowed)}; expected {string.Join(",", RolesOfPolicy[expected])}");
        }
    }

    [Fact]
    public async Task AdminEndpoints_Anonymous_AreSentToLogin()
    {
        var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var endpoint in AdminEndpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            foreach (var method in endpoint.Methods)
            {
                var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), endpoint.Path));

                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {endpoint.Path}: {(int)response.StatusCode}");
                Assert.StartsWith("/admin/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AdminEndpoints_EachRole_AllowedExactlyWherePoliciesSay()
    {
        foreach (var endpoint in AdminEndpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            foreach (var role in PortalRoles.All)
            {
                var allowed = endpoint.Policies.All(policy => RolesOfPolicy[policy].Contains(role));
                foreach (var method in endpoint.Methods)
                {
                    // Requests carry no antiforgery token: a POST that passes authorisation stops
                    // at antiforgery (400), so nothing is changed by this test.
                    var response = await _clients[role].SendAsync(new HttpRequestMessage(new HttpMethod(method), endpoint.Path));
                    var status = (int)response.StatusCode;
                    var toLogin = response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location!.OriginalString.StartsWith("/admin/account/login", StringComparison.Ordinal);

                    if (allowed)
                    {
                        Assert.True(status != 403 && !toLogin, $"{role} should reach {method} {endpoint.Path}, got {status}");
                    }
                    else
                    {
                        Assert.True(status == 403, $"{role} should get 403 on {method} {endpoint.Path}, got {status}");
                    }
                }
            }
        }
    }

    private IReadOnlyList<AdminEndpoint> AdminEndpoints() => Infrastructure.AdminEndpoints.All(_factory);
}
