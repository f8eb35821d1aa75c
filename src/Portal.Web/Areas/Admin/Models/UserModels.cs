using System.ComponentModel.DataAnnotations;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Paging;
using Portal.Core.Sections;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The account form: create (with an initial password) and edit (without).</summary>
public sealed class UserInputModel
{
    [Required(ErrorMessage = "请输入用户名。")]
    [StringLength(50, ErrorMessage = "用户名最多 50 个字符。")]
    [RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "用户名只能包含字母、数字和 . _ @ -。")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请输入姓名。")]
    [StringLength(50, ErrorMessage = "姓名最多 50 个字符。")]
    [Display(Name = "姓名")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请选择角色。")]
    [Display(Name = "角色")]
    public string Role { get; set; } = PortalRoles.Editor;

    /// <summary>For editors: the sections they may write in; none means all.</summary>
    [Display(Name = "可编辑栏目")]
    public List<int> SectionIds { get; set; } = [];

    /// <summary>Only when creating: the initial password, which the administrator hands over in person.</summary>
    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string? Password { get; set; }

    public UserChange ToChange() => new(DisplayName, Role, SectionIds);
}

/// <summary>Setting a new password for an account.</summary>
public sealed class PasswordInputModel
{
    [Required(ErrorMessage = "请输入新密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string Password { get; set; } = "";
}

public sealed class UserListViewModel
{
    public required PagedList<UserListItem> Users { get; init; }

    public string? Search { get; init; }

    public string? Role { get; init; }
}

public sealed class UserEditViewModel
{
    /// <summary>The account as stored (its status, id); null when creating.</summary>
    public UserListItem? Account { get; init; }

    public string? UserId => Account?.Id;

    public required UserInputModel Input { get; init; }

    public required IReadOnlyList<SectionNode> Sections { get; init; }
}

public sealed class AuditListViewModel
{
    public required PagedList<AuditRow> Entries { get; init; }

    public required AuditFilterInput Filter { get; init; }

    /// <summary>The export's address with the same filters (the list's query string without its page).</summary>
    public required string ExportHref { get; init; }
}

/// <summary>The audit log's filter form (dates are site-local days).</summary>
public sealed class AuditFilterInput
{
    public string? UserName { get; set; }

    /// <summary>
    /// The audited action (an <c>AuditActions</c> value). Not named "Action": MVC would bind the
    /// route value <c>action</c> ("Index") to it, ahead of the query string.
    /// </summary>
    public string? Op { get; set; }

    /// <summary>The kind of object (an <c>AuditTargetTypes</c> value).</summary>
    public string? Target { get; set; }

    /// <summary>The object's id as recorded (an article's number, a user's id…); with <see cref="Target"/>, one object's history.</summary>
    public string? TargetId { get; set; }

    /// <summary>A part of the details (说明).</summary>
    public string? Q { get; set; }

    [Display(Name = "开始日期")]
    [SiteDateRange]
    public DateOnly? From { get; set; }

    [Display(Name = "结束日期")]
    [SiteDateRange]
    public DateOnly? To { get; set; }
}
