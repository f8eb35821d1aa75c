namespace Portal.Core.Articles;

/// <summary>
/// The state changes the editorial commands share, on a tracked <see cref="Article"/>: review
/// rounds, the status of the change under review, pending corrections, the 发布日期 rule and
/// copying fields. <see cref="EditorialService"/> decides when; these say how, once.
/// </summary>
internal static class ArticleEdits
{
    /// <summary>The state a save leads to, for checking a "save and submit" before saving.</summary>
    internal static WorkflowState AfterSave(WorkflowState state) => state switch
    {
        WorkflowState.Published => WorkflowState.CorrectionDraft,
        WorkflowState.Scheduled or WorkflowState.Submitted => WorkflowState.Draft,
        WorkflowState.CorrectionSubmitted => WorkflowState.CorrectionDraft,
        _ => state,
    };

    /// <summary>A new review round: approvals given before no longer count.</summary>
    internal static void StartRound(Article article, ArticleStatus status, DateTime now)
    {
        SetChangeStatus(article, status);
        article.ReviewRound++;
        article.ReviewStage = 0;
        article.SubmittedAt = now;
        article.ReviewComment = null;
        article.ScheduledAt = null;
    }

    /// <summary>Sets the status of the change under review: the correction's of a live article, else the article's.</summary>
    internal static void SetChangeStatus(Article article, ArticleStatus status)
    {
        if (article.Status == ArticleStatus.Published)
        {
            article.PendingStatus = status;
        }
        else
        {
            article.Status = status;
        }
    }

    /// <summary>Makes a pending correction the working copy (on withdrawal or restoring from the bin); true when there was one.</summary>
    internal static bool MergePending(Article article, ArticleSnapshot? pending)
    {
        if (pending is null)
        {
            return false;
        }

        Apply(article, pending);
        article.PublishedAt = pending.PublishedAt;
        ClearPending(article);
        return true;
    }

    internal static void ClearPending(Article article)
    {
        article.PendingRevision = null;
        article.PendingStatus = null;
        article.ReviewStage = 0;
        article.SubmittedAt = null;
        article.ReviewComment = null;
    }

    /// <summary>
    /// The 发布日期 of a save: a posted date equal to the stored one at minute precision (the form
    /// shows minutes only) is no change; another date is the editor's choice, which readers will
    /// see; an emptied one leaves the date to the moment of publishing (not for a live article).
    /// </summary>
    internal static void ApplyDate(Article article, DateTime? posted, DateTime stored)
    {
        if (posted is null)
        {
            if (article.Status is not (ArticleStatus.Published or ArticleStatus.Withdrawn))
            {
                article.PublishedAtChosen = false;
            }

            return;
        }

        // The date as the form showed it changes nothing (an article once published shows its
        // publishing moment, which stays what it was); another date is the editor's choice.
        if (ToMinute(posted.Value) != ToMinute(stored))
        {
            article.PublishedAt = posted.Value;
            article.HasPublishTime = true;
            article.PublishedAtChosen = true;
        }
    }

    internal static void Apply(Article article, ArticleFields fields) => Apply(article, new ArticleSnapshot(
        fields.Title.Trim(), fields.SectionId, fields.Source.Trim(), article.PublishedAt, Blank(fields.Summary), Blank(fields.Keywords), fields.CoverImageId, fields.BodyMarkdown));

    /// <summary>Copies a snapshot's fields except the date, which each caller decides.</summary>
    internal static void Apply(Article article, ArticleSnapshot content)
    {
        article.Title = content.Title;
        article.SectionId = content.SectionId;
        article.Source = content.Source;
        article.Summary = content.Summary;
        article.Keywords = content.Keywords;
        article.CoverImageId = content.CoverImageId;
        article.BodyMarkdown = content.BodyMarkdown;
    }

    /// <summary>A snapshot's fields as a form would post them (for checking a correction again).</summary>
    internal static ArticleFields FieldsOf(ArticleSnapshot content) => new()
    {
        Title = content.Title,
        SectionId = content.SectionId,
        Source = content.Source,
        PublishedAt = content.PublishedAt,
        Summary = content.Summary,
        Keywords = content.Keywords,
        CoverImageId = content.CoverImageId,
        BodyMarkdown = content.BodyMarkdown,
    };

    internal static DateTime ToMinute(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), value.Kind);

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
