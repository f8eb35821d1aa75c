using System.Net;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// The reverse proxies (nginx terminating TLS) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the portal believes (section <c>Proxy</c>). Default: none, so no
/// forwarded header is believed and a client cannot claim another address or HTTPS. The
/// <c>Host</c> header is never taken from a proxy: absolute links come from <c>Site:BaseUrl</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>The proxies' own addresses, separated by <c>;</c> (e.g. <c>127.0.0.1;10.0.0.5</c>). Default: empty.</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks of proxies in CIDR notation, separated by <c>;</c> (e.g. <c>10.0.0.0/24</c>). Default: empty.</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>Whether any proxy is configured, i.e. whether forwarded headers are read at all.</summary>
    public bool Enabled => Split(KnownProxies).Any() || Split(KnownNetworks).Any();

    /// <summary>The parsed <see cref="KnownProxies"/> (valid once the options are validated).</summary>
    public IEnumerable<IPAddress> ProxyAddresses() => Split(KnownProxies).Select(IPAddress.Parse);

    /// <summary>The parsed <see cref="KnownNetworks"/> (valid once the options are validated).</summary>
    public IEnumerable<IPNetwork> ProxyNetworks() => Split(KnownNetworks).Select(n => IPNetwork.Parse(n));

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Fails start-up naming the key and the entry that is not an address or a network.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = ProxyOptions.Split(options.KnownProxies)
            .Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownProxies)}: '{p}' is not an IP address.")
            .Concat(ProxyOptions.Split(options.KnownNetworks)
                .Where(n => !IPNetwork.TryParse(n, out _))
                .Select(n => $"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownNetworks)}: '{n}' is not a network in CIDR notation such as 10.0.0.0/24."))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
