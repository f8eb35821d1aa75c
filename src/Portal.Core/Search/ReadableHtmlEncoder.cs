using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Search.Highlight;

namespace Portal.Core.Search;

/// <summary>
/// Encodes highlighted text for HTML as the pages do: markup-significant characters escaped,
/// Chinese left as characters (Lucene's <see cref="SimpleHTMLEncoder"/> writes every one of them
/// as a numeric entity, seven times the bytes).
/// </summary>
internal sealed class ReadableHtmlEncoder : IEncoder
{
    public static ReadableHtmlEncoder Instance { get; } = new();

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public string EncodeText(string originalText) => Encoder.Encode(originalText);
}
