using System.Globalization;
using System.Text;
using Portal.Core.Site;

namespace Portal.Core.Audit;

/// <summary>
/// The audit log as CSV for Excel and WPS (RFC 4180): a Chinese header row, times in the site's
/// zone, every cell quoted when it holds a comma, a quote or a line break, and a cell that a
/// spreadsheet would read as a formula (starting with <c>= + - @</c>, a tab or a carriage return)
/// prefixed with an apostrophe, so a user name or a title typed as <c>=HYPERLINK(…)</c> stays text.
/// The caller writes the UTF-8 byte-order mark that Excel needs to read Chinese.
/// </summary>
public static class AuditCsv
{
    public static IReadOnlyList<string> Header { get; } = ["时间（北京时间）", "操作人", "用户名", "操作", "对象类型", "对象", "说明", "IP地址"];

    /// <summary>Writes the header and one line per row, flushing every <see cref="AuditQueries.ExportBatchSize"/> lines.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditRow> rows, SiteClock clock, CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(Line(Header));
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var entry = row.Entry;
            await writer.WriteAsync(Line(
            [
                clock.ToLocal(entry.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.ActorName,
                entry.UserName,
                AuditActions.DisplayName(entry.Action),
                AuditTargetTypes.DisplayName(entry.TargetType),
                row.Target?.ToString() ?? "",
                AuditDetails.InSiteTime(entry.Details, clock) ?? "",
                entry.IpAddress ?? "",
            ]));
            if (++count % AuditQueries.ExportBatchSize == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV line, ended by CRLF as RFC 4180 says.</summary>
    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>One cell: defused against formula injection, then quoted if it must be.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
