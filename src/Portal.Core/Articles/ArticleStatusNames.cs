namespace Portal.Core.Articles;

/// <summary>How statuses read in the admin area.</summary>
public static class ArticleStatusNames
{
    public static string DisplayName(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Submitted => "待审",
        ArticleStatus.Returned => "已退回",
        ArticleStatus.Scheduled => "定时发布",
        ArticleStatus.Published => "已发布",
        ArticleStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}
