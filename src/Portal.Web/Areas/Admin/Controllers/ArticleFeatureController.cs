using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 推荐与置顶, the edit page's form: 置顶 through a date, 头条, 图片新闻. Thin: who may is
/// <see cref="ArticleWorkflow"/>'s <see cref="ArticleCommand.Feature"/>, the rules are
/// <see cref="ArticleFeatures"/>'; the Review policy is the first gate.
/// </summary>
[Authorize(Policy = PortalPolicies.Review)]
public sealed class ArticleFeatureController(ArticleFeatures features, UserManager<PortalUser> users) : AdminController
{
    private EditorialActor Actor => new(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());

    [HttpPost("/admin/articles/feature/{id:int}")]
    public async Task<IActionResult> Set(int id, ArticleFeatureInputModel input, CancellationToken cancellationToken)
    {
        DateOnly? through = null;
        if (!string.IsNullOrWhiteSpace(input.PinnedThrough))
        {
            if (!DateOnly.TryParseExact(input.PinnedThrough.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !SiteDateRangeAttribute.Contains(day))
            {
                return BackToArticle(CommandResult.Invalid("置顶截止日期无效，请按“年-月-日”选择日期；不需要置顶请留空。"), id);
            }

            through = day;
        }

        var result = await features.SetAsync(Actor, id, new ArticleFeatureInput(through, input.IsHeadline, input.IsPictureNews), cancellationToken);
        return BackToArticle(result, id);
    }
}
