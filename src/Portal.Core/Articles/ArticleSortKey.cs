namespace Portal.Core.Articles;

/// <summary>What the admin article list can be sorted by.</summary>
public enum ArticleSortKey
{
    /// <summary>最后修改 (the default, newest first).</summary>
    Updated,

    /// <summary>发布日期.</summary>
    Date,

    /// <summary>标题.</summary>
    Title,

    /// <summary>状态, in workflow order (草稿, 待审, 已退回, 定时发布, 已发布, 已撤回).</summary>
    Status,
}
