using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// A hash of a random password, made by a hasher with the app's own settings (same algorithm and
/// work factor), checked when there is no real hash to check (an unknown user name, a locked
/// account), so that every refused sign-in costs the same time and a stopwatch tells nothing.
/// </summary>
public sealed class DummyPassword
{
    private static readonly PortalUser Nobody = new();

    private readonly PasswordHasher<PortalUser> _hasher;
    private readonly Lazy<string> _hash;

    public DummyPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<PortalUser>(options);
        _hash = new Lazy<string>(() => _hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
    }

    /// <summary>Does the work of one password check, and always fails.</summary>
    public void Verify(string password) => _ = _hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
