using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Site;

/// <summary>
/// Every editable site-identity setting, as the 网站设置 form shows and submits it. The display
/// names are the labels of the form and of the service's messages and audit entries.
/// </summary>
public sealed record SiteSettingsValues
{
    /// <summary>网站名称; required (null or blank is refused), nullable so that a form can bind it empty.</summary>
    [Display(Name = "网站名称")]
    public string? SiteName { get; init; }

    [Display(Name = "主办单位")]
    public string? Sponsor { get; init; }

    [Display(Name = "版权所有")]
    public string? CopyrightHolder { get; init; }

    [Display(Name = "ICP备案编号")]
    public string? IcpNumber { get; init; }

    [Display(Name = "公安机关备案号")]
    public string? PublicSecurityNumber { get; init; }

    [Display(Name = "网站标识码")]
    public string? SiteCode { get; init; }

    [Display(Name = "地址")]
    public string? Address { get; init; }

    [Display(Name = "邮政编码")]
    public string? Postcode { get; init; }

    [Display(Name = "联系电话")]
    public string? Phone { get; init; }

    [Display(Name = "电子邮箱")]
    public string? Email { get; init; }

    [Display(Name = "网站维护")]
    public string? Maintainer { get; init; }

    [Display(Name = "党政机关网站标识地址")]
    public string? GovBadgeUrl { get; init; }

    [Display(Name = "“我为政府网站找错”入口文字")]
    public string? ErrorReportLabel { get; init; }

    [Display(Name = "官方微信文字")]
    public string? WeChatLabel { get; init; }

    [Display(Name = "官方微信二维码")]
    public int? WeChatQrImageId { get; init; }
}

/// <summary>
/// One text setting: its name (the property of <see cref="SiteSettingsValues"/>, and so of the
/// form), its length limit, how to read it from the values and how to store it in the row. Its label
/// is the property's display name.
/// </summary>
public sealed record SiteSettingField(string Name, int MaxLength, Func<SiteSettingsValues, string?> Get, Action<SiteSettings, string?> Store)
{
    public string Label { get; } = typeof(SiteSettingsValues).GetProperty(Name)?.GetCustomAttribute<DisplayAttribute>()?.Name
        ?? throw new ArgumentException($"{Name} is not a labelled property of {nameof(SiteSettingsValues)}.", nameof(Name));
}

/// <summary>
/// 网站设置: reads and changes the one settings row. Changes are checked here (formats, lengths,
/// that the QR image exists) and audited field by field with old and new values. Public pages
/// read the settings per request (<see cref="SiteContext"/>), so a change shows at once.
/// </summary>
public sealed partial class SiteSettingsService(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// The text fields in form order: the one list that every rule, message, comparison and
    /// assignment below goes through (the QR image, not text, is handled on its own).
    /// </summary>
    public static IReadOnlyList<SiteSettingField> Fields { get; } =
    [
        new(nameof(SiteSettingsValues.SiteName), FieldLengths.SiteName, v => v.SiteName, (s, x) => s.SiteName = x ?? ""),
        new(nameof(SiteSettingsValues.Sponsor), FieldLengths.Organisation, v => v.Sponsor, (s, x) => s.Sponsor = x),
        new(nameof(SiteSettingsValues.Maintainer), FieldLengths.Organisation, v => v.Maintainer, (s, x) => s.Maintainer = x),
        new(nameof(SiteSettingsValues.CopyrightHolder), FieldLengths.Organisation, v => v.CopyrightHolder, (s, x) => s.CopyrightHolder = x),
        new(nameof(SiteSettingsValues.IcpNumber), FieldLengths.RecordNumber, v => v.IcpNumber, (s, x) => s.IcpNumber = x),
        new(nameof(SiteSettingsValues.PublicSecurityNumber), FieldLengths.RecordNumber, v => v.PublicSecurityNumber, (s, x) => s.PublicSecurityNumber = x),
        new(nameof(SiteSettingsValues.SiteCode), FieldLengths.SiteCode, v => v.SiteCode, (s, x) => s.SiteCode = x),
        new(nameof(SiteSettingsValues.Address), FieldLengths.Address, v => v.Address, (s, x) => s.Address = x),
        new(nameof(SiteSettingsValues.Postcode), FieldLengths.Postcode, v => v.Postcode, (s, x) => s.Postcode = x),
        new(nameof(SiteSettingsValues.Phone), FieldLengths.Phone, v => v.Phone, (s, x) => s.Phone = x),
        new(nameof(SiteSettingsValues.Email), FieldLengths.Email, v => v.Email, (s, x) => s.Email = x),
        new(nameof(SiteSettingsValues.GovBadgeUrl), FieldLengths.Url, v => v.GovBadgeUrl, (s, x) => s.GovBadgeUrl = x),
        new(nameof(SiteSettingsValues.ErrorReportLabel), FieldLengths.Label, v => v.ErrorReportLabel, (s, x) => s.ErrorReportLabel = x),
        new(nameof(SiteSettingsValues.WeChatLabel), FieldLengths.Label, v => v.WeChatLabel, (s, x) => s.WeChatLabel = x),
    ];

    /// <summary>The length limit of a field, for the form's <c>maxlength</c>.</summary>
    public static int MaxLengthOf(string field) => Fields.Single(f => f.Name == field).MaxLength;

    /// <summary>
    /// The settings row as the form's values: the query's projection (EF needs an expression),
    /// compiled once for the rows the service already holds.
    /// </summary>
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
        GovBadgeUrl = s.GovBadgeUrl,
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
    public async Task<CommandResult> UpdateAsync(SiteSettingsValues values, CancellationToken cancellationToken = default)
    {
        values = Normalize(values);
        var errors = Validate(values);
        if (values.WeChatQrImageId is { } imageId && !await db.MediaFiles.AnyAsync(m => m.Id == imageId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.WeChatQrImageId), "所选的二维码图片不存在。"));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SiteSettings();
            db.SiteSettings.Add(row);
        }

        var before = ToValuesCompiled(row);
        var changes = new List<string>();
        foreach (var field in Fields)
        {
            var (old, now) = (field.Get(before), field.Get(values));
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add($"{field.Label}：{old ?? "（空）"} → {now ?? "（空）"}");
            }
        }

        if (row.WeChatQrImageId != values.WeChatQrImageId)
        {
            changes.Add($"官方微信二维码：{Show(row.WeChatQrImageId)} → {Show(values.WeChatQrImageId)}");
        }

        if (changes.Count == 0)
        {
            return CommandResult.Ok("网站设置没有改动。");
        }

        Store(values, row);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.SettingsChange, "settings", "1", string.Join("；", changes));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok("网站设置已保存，公开页面立即生效。");
    }

    private static List<FieldError> Validate(SiteSettingsValues values)
    {
        var errors = new List<FieldError>();
        foreach (var field in Fields)
        {
            if (field.Get(values) is { } value && value.Length > field.MaxLength)
            {
                errors.Add(new FieldError(field.Name, $"{field.Label}不能超过 {field.MaxLength} 个字符。"));
            }
        }

        if (string.IsNullOrEmpty(values.SiteName))
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

        if (values.GovBadgeUrl is { } badge && !SiteSettingsRules.IsBadgeUrl(badge))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.GovBadgeUrl), SiteSettingsRules.BadgeUrlMessage));
        }

        if (values.Email is { } email && !Email().IsMatch(email))
        {
            errors.Add(new FieldError(nameof(SiteSettingsValues.Email), SiteSettingsRules.EmailMessage));
        }

        return errors;
    }

    private static void Store(SiteSettingsValues values, SiteSettings row)
    {
        foreach (var field in Fields)
        {
            field.Store(row, field.Get(values));
        }

        row.WeChatQrImageId = values.WeChatQrImageId;
    }

    // Empty means "not set" (hidden on the public pages), never an empty string in the store.
    private static SiteSettingsValues Normalize(SiteSettingsValues values)
    {
        var row = new SiteSettings { WeChatQrImageId = values.WeChatQrImageId };
        foreach (var field in Fields)
        {
            field.Store(row, Clean(field.Get(values)));
        }

        return ToValuesCompiled(row);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Show(int? imageId) => imageId is { } id ? "图片 #" + id.ToString(CultureInfo.InvariantCulture) : "（无）";

    [GeneratedRegex(SiteSettingsRules.SiteCodePattern)]
    private static partial Regex SiteCode();

    [GeneratedRegex(SiteSettingsRules.PostcodePattern)]
    private static partial Regex Postcode();

    [GeneratedRegex(SiteSettingsRules.EmailPattern)]
    private static partial Regex Email();
}
