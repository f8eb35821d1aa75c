namespace Portal.Core.Audit;

/// <summary>The values of <see cref="AuditEntry.TargetType"/> that the services write.</summary>
public static class AuditTargetTypes
{
    public const string User = "user";
    public const string Article = "article";
    public const string Section = "section";
    public const string FooterGroup = "footer-group";
    public const string FooterLink = "footer-link";
    public const string Media = "media";
    public const string Settings = "settings";

    /// <summary>Every type, for the audit log's filter.</summary>
    public static IReadOnlyList<string> All { get; } = [User, Article, Section, FooterGroup, FooterLink, Media, Settings];

    /// <summary>How a type reads in the admin area; an unknown one as it is stored.</summary>
    public static string DisplayName(string? type) => type switch
    {
        User => "用户",
        Article => "文章",
        Section => "栏目",
        FooterGroup => "页脚链接分组",
        FooterLink => "页脚链接",
        Media => "文件",
        Settings => "网站设置",
        null => "",
        _ => type,
    };
}
