using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Site;

/// <summary>Every editable site-identity setting, as the 网站设置 form shows and submits it.</summary>
public sealed record SiteSettingsValues
{
    public string SiteName { get; init; } = "";

    public string? Sponsor { get; init; }

    public string? CopyrightHolder { get; init; }

    public string? IcpNumber { get; init; }

    public string? PublicSecurityNumber { get; init; }

    public string? SiteCode { get; init; }

    public string? Address { get; init; }

    public string? Postcode { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Maintainer { get; init; }

    public string? ErrorReportLabel { get; init; }

    public string? WeChatLabel { get; init; }

    public int? WeChatQrImageId { get; init; }
}

/// <summary>
/// 网站设置: reads and changes the one settings row. Changes are checked here (formats, lengths,
/// that the QR image exists) and audited field by field with old and new values. Public pages
/// read the settings per request (<see cref="SiteContext"/>), so a change shows at once.
/// </summary>
public sealed partial class SiteSettingsService(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The fields in form order with their Chinese labels, for messages and the audit log.</summary>
    public static IReadOnlyList<(string Field, string Label, int MaxLength)> Fields { get; } =
    [
        (nameof(SiteSettingsValues.SiteName), "网站名称", FieldLengths.SiteName),
        (nameof(SiteSettingsValues.Sponsor), "主办单位", FieldLengths.Organisation),
        (nameof(SiteSettingsValues.Maintainer), "网站维护", FieldLengths.Organisation),
        (nameof(SiteSettingsValues.CopyrightHolder), "版权所有", FieldLengths.Organisation),
        (nameof(SiteSettingsValues.IcpNumber), "ICP备案编号", FieldLengths.RecordNumber),
        (nameof(SiteSettingsValues.PublicSecurityNumber), "公安机关备案号", FieldLengths.RecordNumber),
        (nameof(SiteSettingsValues.SiteCode), "网站标识码", FieldLengths.SiteCode),
        (nameof(SiteSettingsValues.Address), "地址", FieldLengths.Address),
        (nameof(SiteSettingsValues.Postcode), "邮政编码", FieldLengths.Postcode),
        (nameof(SiteSettingsValues.Phone), "联系电话", FieldLengths.Phone),
        (nameof(SiteSettingsValues.Email), "电子邮箱", FieldLengths.Email),
        (nameof(SiteSettingsValues.ErrorReportLabel), "“找错”入口文字", FieldLengths.Label),
        (nameof(SiteSettingsValues.WeChatLabel), "官方微信文字", FieldLengths.Label),
    ];

    /// <summary>The settings row as the form's values: one projection for the query and for the audit comparison.</summary>
    private static readonly Expression<Func<SiteSettings, SiteSettingsValues>> ToValues = s => new SiteSettingsValues
    {
        SiteName = s.SiteName,
        Sponsor = s.Sponsor,
        CopyrightHolder = s.CopyrightHolder,
        IcpNumber = s.IcpNumber,
        PublicSecurityNumber = s.PublicSecurityNumber,
        SiteCode = s.SiteCode,
        Address = s.Address,
        Postcode = s.Postcode,
        Phone = s.Phone,
        Email = s.Email,
        Maintainer = s.Maintainer,
        ErrorReportLabel = s.ErrorReportLabel,
        WeChatLabel = s.WeChatLabel,
        WeChatQrImageId = s.WeChatQrImageId,
    };

    private static readonly Func<SiteSettings, SiteSettingsValues> ToValuesCompiled = ToValues.Compile();

    /// <summary>The current settings; empty values before anything was imported or saved.</summary>
    public async Task<SiteSettingsValues> GetAsync(CancellationToken cancellationToken = default) =>
        await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId)
            .Select(ToValues)
            .FirstOrDefaultAsync(cancellationToken) ?? new SiteSettingsValues();

    /// <summary>Checks and saves the settings; the audit entry lists each changed field (old → new).</summary>
    public async Task<ChangeResult> UpdateAsync(SiteSettingsValues values, CancellationToken cancellationToken = default)
    {
        values = Normalize(values);
        var errors = Validate(values);
        if (values.WeChatQrImageId is { } imageId && !await db.MediaFiles.AnyAsync(m => m.Id == imageId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.WeChatQrImageId), "所选的二维码图片不存在。"));
        }

        if (errors.Count > 0)
        {
            return ChangeResult.Fail(errors);
        }

        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SiteSettings();
            db.SiteSettings.Add(row);
        }

        var before = Read(row);
        var changes = new List<string>();
        foreach (var (field, label, _) in Fields)
        {
            var (old, now) = (before[field], Read(values)[field]);
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add($"{label}：{old ?? "（空）"} → {now ?? "（空）"}");
            }
        }

        if (row.WeChatQrImageId != values.WeChatQrImageId)
        {
            changes.Add($"官方微信二维码：{Show(row.WeChatQrImageId)} → {Show(values.WeChatQrImageId)}");
        }

        if (changes.Count == 0)
        {
            return ChangeResult.Ok();
        }

        row.SiteName = values.SiteName;
        row.Sponsor = values.Sponsor;
        row.CopyrightHolder = values.CopyrightHolder;
        row.IcpNumber = values.IcpNumber;
        row.PublicSecurityNumber = values.PublicSecurityNumber;
        row.SiteCode = values.SiteCode;
        row.Address = values.Address;
        row.Postcode = values.Postcode;
        row.Phone = values.Phone;
        row.Email = values.Email;
        row.Maintainer = values.Maintainer;
        row.ErrorReportLabel = values.ErrorReportLabel;
        row.WeChatLabel = values.WeChatLabel;
        row.WeChatQrImageId = values.WeChatQrImageId;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.SettingsChange, "settings", "1", string.Join("；", changes));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Ok();
    }

    private static List<FieldError> Validate(SiteSettingsValues values)
    {
        var errors = new List<FieldError>();
        var read = Read(values);
        foreach (var (field, label, max) in Fields)
        {
            if (read[field] is { } value && value.Length > max)
            {
                errors.Add(new FieldError(field, $"{label}不能超过 {max} 个字符。"));
            }
        }

        if (values.SiteName.Length == 0)
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.SiteName), "请填写网站名称。"));
        }

        if (values.SiteCode is { } code && !SiteCode().IsMatch(code))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.SiteCode), SiteSettingsRules.SiteCodeMessage));
        }

        if (values.Postcode is { } postcode && !Postcode().IsMatch(postcode))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.Postcode), SiteSettingsRules.PostcodeMessage));
        }

        if (values.Email is { } email && !Email().IsMatch(email))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.Email), SiteSettingsRules.EmailMessage));
        }

        return errors;
    }

    // Empty means "not set" (hidden on the public pages), never an empty string in the store.
    private static SiteSettingsValues Normalize(SiteSettingsValues v) => v with
    {
        SiteName = v.SiteName.Trim(),
        Sponsor = Clean(v.Sponsor),
        CopyrightHolder = Clean(v.CopyrightHolder),
        IcpNumber = Clean(v.IcpNumber),
        PublicSecurityNumber = Clean(v.PublicSecurityNumber),
        SiteCode = Clean(v.SiteCode),
        Address = Clean(v.Address),
        Postcode = Clean(v.Postcode),
        Phone = Clean(v.Phone),
        Email = Clean(v.Email),
        Maintainer = Clean(v.Maintainer),
        ErrorReportLabel = Clean(v.ErrorReportLabel),
        WeChatLabel = Clean(v.WeChatLabel),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Dictionary<string, string?> Read(SiteSettingsValues v) => new()
    {
        [nameof(v.SiteName)] = v.SiteName,
        [nameof(v.Sponsor)] = v.Sponsor,
        [nameof(v.CopyrightHolder)] = v.CopyrightHolder,
        [nameof(v.IcpNumber)] = v.IcpNumber,
        [nameof(v.PublicSecurityNumber)] = v.PublicSecurityNumber,
        [nameof(v.SiteCode)] = v.SiteCode,
        [nameof(v.Address)] = v.Address,
        [nameof(v.Postcode)] = v.Postcode,
        [nameof(v.Phone)] = v.Phone,
        [nameof(v.Email)] = v.Email,
        [nameof(v.Maintainer)] = v.Maintainer,
        [nameof(v.ErrorReportLabel)] = v.ErrorReportLabel,
        [nameof(v.WeChatLabel)] = v.WeChatLabel,
    };

    private static Dictionary<string, string?> Read(SiteSettings s) => Read(ToValuesCompiled(s));

    private static string Show(int? imageId) => imageId is { } id ? "图片 #" + id.ToString(CultureInfo.InvariantCulture) : "（无）";

    [GeneratedRegex(SiteSettingsRules.SiteCodePattern)]
    private static partial Regex SiteCode();

    [GeneratedRegex(SiteSettingsRules.PostcodePattern)]
    private static partial Regex Postcode();

    [GeneratedRegex(SiteSettingsRules.EmailPattern)]
    private static partial Regex Email();
}
