namespace Portal.Core.Audit;

/// <summary>The names of audited actions, as stored in <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string Login = "account.login";
    public const string LoginFailed = "account.login-failed";
    public const string Logout = "account.logout";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserPassword = "user.password";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserUnlock = "user.unlock";
    public const string PasswordChange = "account.password-change";
    public const string TwoFactorEnable = "account.two-factor-enable";
    public const string TwoFactorDisable = "account.two-factor-disable";
    public const string RecoveryCodesRenew = "account.recovery-codes";
    public const string RecoveryCodeUse = "account.recovery-code-use";
    public const string UserTwoFactorReset = "user.two-factor-reset";
    public const string ArticleCreate = "article.create";
    public const string ArticleEdit = "article.edit";
    public const string ArticleSubmit = "article.submit";
    public const string ArticleReturn = "article.return";
    public const string ArticleApprove = "article.approve";
    public const string ArticlePublish = "article.publish";
    public const string ArticleForcePublish = "article.force-publish";
    public const string ArticleSchedule = "article.schedule";
    public const string ArticleScheduledPublish = "article.scheduled-publish";
    public const string ArticleWithdraw = "article.withdraw";
    public const string ArticleDelete = "article.delete";
    public const string ArticleRestore = "article.restore";
    public const string ArticlePurge = "article.purge";
    public const string ArticleRevisionRestore = "article.revision-restore";
    public const string ArticlePublishDateChange = "article.publish-date";
    public const string ArticleImportWord = "article.import-word";
    public const string ArticleCorrectionPublish = "article.correction-publish";
    public const string ArticleCorrectionDiscard = "article.correction-discard";
    public const string SectionChange = "section.change";
    public const string FooterChange = "footer.change";
    public const string SettingsChange = "settings.change";
    public const string MediaUpload = "media.upload";
    public const string MediaDelete = "media.delete";
    public const string DemoSeed = "demo.seed";
    public const string PreviewLinkCreate = "preview-link.create";
    public const string PreviewLinkRevoke = "preview-link.revoke";
    public const string PreviewLinkFirstView = "preview-link.first-view";
    public const string ArticleFeature = "article.feature";
    public const string SectionKindChange = "section.kind";
    public const string HomeChange = "home.change";
    public const string MediaAltChange = "media.alt";
    public const string InspectionRun = "inspection.run";

    /// <summary>Every action, for the audit log's filter.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>How an action reads in the admin area's audit log.</summary>
    public static string DisplayName(string action) => action switch
    {
        Login => "登录",
        LoginFailed => "登录失败",
        Logout => "退出",
        UserCreate => "创建用户",
        UserUpdate => "修改用户",
        UserPassword => "设置密码",
        UserDisable => "停用用户",
        UserEnable => "启用用户",
        UserUnlock => "解除锁定",
        PasswordChange => "修改本人密码",
        TwoFactorEnable => "启用双因素认证",
        TwoFactorDisable => "关闭双因素认证",
        RecoveryCodesRenew => "重新生成恢复码",
        RecoveryCodeUse => "使用恢复码登录",
        UserTwoFactorReset => "重置双因素认证",
        ArticleCreate => "新建文章",
        ArticleEdit => "编辑文章",
        ArticleSubmit => "提交审核",
        ArticleReturn => "退回",
        ArticleApprove => "审核通过",
        ArticlePublish => "发布",
        ArticleForcePublish => "强制发布",
        ArticleSchedule => "定时发布",
        ArticleScheduledPublish => "定时发布执行",
        ArticleWithdraw => "撤回",
        ArticleCorrectionPublish => "修改发布",
        ArticleCorrectionDiscard => "放弃待审修改",
        ArticleDelete => "删除",
        ArticleRestore => "恢复",
        ArticlePurge => "永久删除",
        ArticleRevisionRestore => "恢复历史版本",
        ArticlePublishDateChange => "修改发布日期",
        ArticleImportWord => "导入Word",
        SectionChange => "栏目变更",
        FooterChange => "页脚链接变更",
        SettingsChange => "网站设置变更",
        MediaUpload => "上传文件",
        MediaDelete => "删除文件",
        DemoSeed => "生成演示文章",
        PreviewLinkCreate => "创建预览链接",
        PreviewLinkRevoke => "撤销预览链接",
        PreviewLinkFirstView => "预览链接首次打开",
        ArticleFeature => "置顶/头条/图片新闻",
        SectionKindChange => "修改栏目类型",
        HomeChange => "首页编排变更",
        MediaAltChange => "修改图片说明",
        InspectionRun => "重新检查网站",
        _ => action,
    };
}
