using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The second step of sign-in: an authenticator code or a recovery code.</summary>
public sealed class TwoFactorInputModel
{
    [Required(ErrorMessage = "请输入验证码。")]
    [StringLength(20, ErrorMessage = "验证码最多 20 个字符。")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The account holder's own password change.</summary>
public sealed class PasswordChangeInputModel
{
    [Required(ErrorMessage = "请输入当前密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "当前密码")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "请输入新密码。")]
    [StringLength(128, ErrorMessage = "密码最多 128 个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "请再次输入新密码。")]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
    [DataType(DataType.Password)]
    [Display(Name = "确认新密码")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The code that confirms an authenticator app at enrolment.</summary>
public sealed class TwoFactorEnableInputModel
{
    [Required(ErrorMessage = "请输入验证码。")]
    [StringLength(10, ErrorMessage = "验证码为 6 位数字。")]
    [Display(Name = "验证码")]
    public string Code { get; set; } = "";
}

/// <summary>账号安全: the password, the second factor and its recovery codes.</summary>
public sealed class AccountSecurityViewModel
{
    public bool TwoFactorEnabled { get; init; }

    /// <summary>Whether the account's role requires a second factor.</summary>
    public bool TwoFactorRequired { get; init; }

    public bool MayDisableTwoFactor { get; init; }

    public int RecoveryCodesLeft { get; init; }

    /// <summary>When enrolling: the key, grouped for typing (e.g. <c>abcd efgh …</c>).</summary>
    public string? SharedKey { get; init; }

    /// <summary>When enrolling: the QR code as a PNG data URI, drawn on the server.</summary>
    public string? QrCodeDataUri { get; init; }

    public TwoFactorEnableInputModel Input { get; init; } = new();
}

/// <summary>Recovery codes, shown once, right after they are made.</summary>
public sealed class RecoveryCodesViewModel
{
    public required IReadOnlyList<string> Codes { get; init; }
}
