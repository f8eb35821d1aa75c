using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Inspection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>The inspection's settings checked at start-up, the external checks' default per environment, and the links the rule reads from Markdown.</summary>
public sealed class InspectionOptionsTests
{
    [Theory]
    [InlineData("Inspection:LinkTimeoutSeconds", "0")]
    [InlineData("Inspection:KeepRuns", "0")]
    [InlineData("Inspection:IntervalHours", "0")]
    [InlineData("Inspection:PollMilliseconds", "1")]
    public void BadSetting_StopsStartUp_NamingTheKey(string key, string value)
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckExternalLinks_Unset_OffOutsideProductionOnInProduction()
    {
        using var development = PortalFactory.Empty();
        using var production = new ProductionPortalFactory(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false" });
        using var chosen = new ProductionPortalFactory(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false", ["Inspection:CheckExternalLinks"] = "false" });

        static bool? Of(PortalFactory factory) => factory.Services.GetRequiredService<IOptions<InspectionOptions>>().Value.CheckExternalLinks;

        Assert.False(Of(development));
        Assert.True(Of(production));
        Assert.False(Of(chosen));
    }

    [Fact]
    public void Targets_InlineReferenceAutolinkAndImage_EachOnce()
    {
        var targets = MarkdownRenderer.Targets("""
            见[甲](/articles/a)、[乙][ref]、<https://www.gov.cn/>、![图](/media/x.png)与[甲again](/articles/a)，以及 mailto 地址 <a@example.gov.cn>。

            [ref]: /xinwen
            """);

        Assert.Equal(["/articles/a", "/xinwen", "/media/x.png", "https://www.gov.cn/"], targets);
    }
}
