using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// The checks of an article's fields, for the editorial service and the Word import alike: what
/// the forms check, plus what only the store knows (the section exists and the actor may write
/// in it, the cover image exists, every image in the body has alt text and a library file).
/// </summary>
public sealed class ArticleFieldRules(PortalDbContext db, BodyMediaRules? mediaRules = null)
{
    /// <summary>
    /// Checks fields the way the forms do (in Chinese, keyed by <see cref="ArticleFields"/> property
    /// names), plus what only the store knows: the section exists and the actor may write in it,
    /// the cover image exists, and every image in the body has alt text.
    /// </summary>
    public async Task<List<FieldError>> CheckAsync(ArticleFields fields, IReadOnlyCollection<int>? allowed, string sectionNames, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var title = fields.Title.Trim();
        if (title.Length == 0)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Title), "请填写标题。"));
        }
        else if (title.Length > FieldLengths.Title)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Title), $"标题不能超过 {FieldLengths.Title} 个字。"));
        }

        var source = fields.Source.Trim();
        if (source.Length == 0)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Source), "请填写来源。"));
        }
        else if (source.Length > FieldLengths.Source)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Source), $"来源不能超过 {FieldLengths.Source} 个字。"));
        }

        if ((fields.Summary?.Trim().Length ?? 0) > FieldLengths.Summary)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Summary), $"摘要不能超过 {FieldLengths.Summary} 个字。"));
        }

        if ((fields.Keywords?.Trim().Length ?? 0) > FieldLengths.Keywords)
        {
            errors.Add(new FieldError(nameof(ArticleFields.Keywords), $"关键词不能超过 {FieldLengths.Keywords} 个字。"));
        }

        if (string.IsNullOrWhiteSpace(fields.BodyMarkdown))
        {
            errors.Add(new FieldError(nameof(ArticleFields.BodyMarkdown), "请填写正文。"));
        }
        else
        {
            try
            {
                if (MarkdownRenderer.HasImageWithoutAlt(fields.BodyMarkdown))
                {
                    errors.Add(new FieldError(nameof(ArticleFields.BodyMarkdown), "正文中的每张图片都必须填写替代文字，例如 ![图片说明](地址)。"));
                }
                else if (mediaRules is not null && await mediaRules.CheckBodyAsync(fields.BodyMarkdown, cancellationToken) is { } problem)
                {
                    errors.Add(new FieldError(nameof(ArticleFields.BodyMarkdown), problem));
                }
            }
            catch (MarkdownTooDeepException ex)
            {
                errors.Add(new FieldError(nameof(ArticleFields.BodyMarkdown), EditorialService.BodyTooDeepMessage(ex)));
            }
        }

        if (!await db.Sections.AnyAsync(s => s.Id == fields.SectionId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(ArticleFields.SectionId), "请选择栏目。"));
        }
        else if (!EditorialActor.MayWorkIn(allowed, fields.SectionId))
        {
            errors.Add(new FieldError(nameof(ArticleFields.SectionId), sectionNames.Length == 0
                ? "您没有在该栏目发稿的权限。"
                : $"您只负责“{sectionNames}”栏目，不能在所选栏目发稿。"));
        }

        if (fields.CoverImageId is { } cover && !await db.MediaFiles.AnyAsync(m => m.Id == cover, cancellationToken))
        {
            errors.Add(new FieldError(nameof(ArticleFields.CoverImageId), "所选封面图片不存在。"));
        }
        else if (mediaRules is not null && await mediaRules.CheckCoverAsync(fields.CoverImageId, cancellationToken) is { } coverProblem)
        {
            errors.Add(new FieldError(nameof(ArticleFields.CoverImageId), coverProblem));
        }

        return errors;
    }

}
