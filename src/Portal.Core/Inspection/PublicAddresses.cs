using System.Net;
using System.Net.Sockets;

namespace Portal.Core.Inspection;

/// <summary>
/// Which addresses the external link checker may connect to: public Internet addresses only, so an
/// address an editor wrote cannot make the server ask hosts of its own network (loopback, private,
/// link-local, carrier-grade NAT, multicast, unspecified). Checked at connect time, after name
/// resolution, so a host name that resolves inwards is refused too.
/// </summary>
public static class PublicAddresses
{
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Whether <paramref name="address"/> is on the public Internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => false,
                100 => b[1] is < 64 or > 127,          // 100.64.0.0/10 carrier-grade NAT
                169 => b[1] != 254,                    // 169.254.0.0/16 link-local (cloud metadata)
                172 => b[1] is < 16 or > 31,           // 172.16.0.0/12
                192 => !(b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2)), // 192.168.0.0/16, 192.0.0.0/24, 192.0.2.0/24
                198 => b[1] is not (18 or 19),         // 198.18.0.0/15 benchmarking
                >= 224 => false,                       // multicast and reserved
                _ => true,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();

            // Addresses that carry an IPv4 address (IPv4-compatible ::/96, NAT64 64:ff9b::/96,
            // 6to4 2002::/16) are as public as the address they carry.
            if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 || b.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
            {
                return IsPublic(new IPAddress(b.AsSpan(12, 4)));
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsPublic(new IPAddress(b.AsSpan(2, 4)));
            }

            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC);             // fc00::/7 unique local
        }

        return false;
    }

    /// <summary>
    /// A connect callback for <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host
    /// and connects only to a public address; otherwise it throws <see cref="InternalAddressException"/>.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(IsPublic).ToList();
        if (allowed.Count == 0)
        {
            throw new InternalAddressException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
