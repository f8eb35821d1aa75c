using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The login form.</summary>
public sealed class LoginInputModel
{
    [Required(ErrorMessage = "请输入用户名。")]
    [StringLength(256, ErrorMessage = "用户名最多 256 个字符。")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请输入密码。")]
    [StringLength(1024, ErrorMessage = "密码最多 1024 个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
