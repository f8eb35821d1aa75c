using System.Text;

namespace Portal.Core.Search;

/// <summary>What a reader typed, made searchable: full-width forms folded, white space folded, what is not text dropped.</summary>
internal static class SearchText
{
    /// <summary>Full-width letters, digits and punctuation become their ordinary forms (NFKC); white space is folded.</summary>
    public static string Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "";
        }

        // A lone surrogate (cut in transit) cannot be normalised: it is dropped, the rest searched.
        var clean = new StringBuilder(query.Length);
        for (var i = 0; i < query.Length; i++)
        {
            if (char.IsSurrogatePair(query, i))
            {
                clean.Append(query, i++, 2);
            }
            else if (!char.IsSurrogate(query[i]) && !char.IsControl(query[i]) && !IsNonCharacter(query[i]))
            {
                clean.Append(query[i]);
            }
        }

        // Normalisation refuses what is not text (noncharacters are dropped above); should it
        // refuse anything else, the words are searched as typed.
        string text;
        try
        {
            text = clean.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            text = clean.ToString();
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>U+FFFE, U+FFFF and U+FDD0–U+FDEF: never text, and refused by <see cref="string.Normalize()"/>.</summary>
    private static bool IsNonCharacter(char c) => c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF');

    public static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
