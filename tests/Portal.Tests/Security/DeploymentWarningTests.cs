using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>In production, a portal without <c>Site:BaseUrl</c> or with <c>AllowedHosts</c> = <c>*</c> says so, in the log and on the dashboard.</summary>
public sealed class DeploymentWarningTests
{
    [Fact]
    public async Task Production_WithoutBaseUrlOrAllowedHosts_WarnsInLogAndOnAdminDashboard()
    {
        using var factory = new ProductionPortalFactory(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false" });
        await StaffAccounts.CreateAsync(factory, "ops-admin", PortalRoles.Admin);
        await StaffAccounts.CreateAsync(factory, "ops-editor", PortalRoles.Editor);

        var (_, admin) = await factory.GetDocumentAsync("/admin", await StaffAccounts.SignInAsync(factory, "ops-admin"));
        var (_, editor) = await factory.GetDocumentAsync("/admin", await StaffAccounts.SignInAsync(factory, "ops-editor"));

        var findings = admin.QuerySelector(".deployment-findings")!.TextContent;
        Assert.Contains("尚未设置网站地址（Site:BaseUrl）", findings, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", findings, StringComparison.Ordinal);
        Assert.Null(editor.QuerySelector(".deployment-findings"));
        var log = ReadLog(factory);
        Assert.Contains("Site:BaseUrl", log, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithBaseUrlAndAllowedHosts_HasNoFindings()
    {
        using var factory = new ProductionPortalFactory(new Dictionary<string, string?>
        {
            ["Import:SeedOnStartup"] = "false",
            ["Site:BaseUrl"] = "https://www.example.gov.cn",
            ["AllowedHosts"] = "www.example.gov.cn;localhost",
        });
        await StaffAccounts.CreateAsync(factory, "ops-admin", PortalRoles.Admin);

        var (response, admin) = await factory.GetDocumentAsync("/admin", await StaffAccounts.SignInAsync(factory, "ops-admin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(admin.QuerySelector(".deployment-findings"));
        Assert.DoesNotContain("Site:BaseUrl", ReadLog(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedHostsSet_ForeignHost_IsRefused()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { ["AllowedHosts"] = "www.example.gov.cn;localhost" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string ReadLog(PortalFactory factory)
    {
        var file = Directory.GetFiles(Path.Combine(factory.DataPath, "logs"), "portal-*.log").Single();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
