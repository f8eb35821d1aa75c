namespace Portal.Core.Articles;

/// <summary>What 批量操作 on the article list can do; each is the <see cref="EditorialService"/> command of the same name, item by item.</summary>
public enum ArticleBulkCommand
{
    /// <summary>提交审核.</summary>
    Submit,

    /// <summary>审核通过: approves the next review level (the last level publishes).</summary>
    Approve,

    /// <summary>撤回.</summary>
    Withdraw,

    /// <summary>移入回收站.</summary>
    Delete,
}
