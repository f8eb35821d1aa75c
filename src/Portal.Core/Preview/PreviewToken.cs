using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Preview;

/// <summary>
/// The secret of a preview link: 32 random bytes written as base64url (43 characters). The link
/// is "signed" in the sense that matters here: it cannot be guessed (256 bits) and is checked
/// against a stored hash, so a forged or altered token matches nothing.
/// </summary>
public static class PreviewToken
{
    /// <summary>The length of a token in characters: 32 bytes in unpadded base64url.</summary>
    public const int Length = 43;

    private const int Bytes = 32;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A new random token.</summary>
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>
    /// Whether <paramref name="token"/> can be a token at all: exactly 43 base64url characters that
    /// decode to 32 bytes. Checked before anything is hashed or looked up, so a 10 000-character or
    /// non-ASCII value costs nothing.
    /// </summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Length)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        // 43 characters carry 258 bits, of which 32 bytes use 256: the last character's two low
        // bits are zero in a token this class wrote, so each token has exactly one spelling.
        return Alphabet.IndexOf(token[^1], StringComparison.Ordinal) % 4 == 0;
    }

    /// <summary>The stored form of a token: its SHA-256 hash in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
