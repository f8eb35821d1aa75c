using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Articles;

namespace Portal.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.UrlKey).HasMaxLength(FieldLengths.UrlKey).IsRequired();
        builder.Property(a => a.ImportKey).HasMaxLength(FieldLengths.ImportKey);
        builder.Property(a => a.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        builder.Property(a => a.Source).HasMaxLength(FieldLengths.Source).IsRequired();
        builder.Property(a => a.BodyMarkdown).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(FieldLengths.Summary);
        builder.Property(a => a.Keywords).HasMaxLength(FieldLengths.Keywords);
        builder.Property(a => a.AuthorId).HasMaxLength(FieldLengths.UserId);
        builder.Property(a => a.LastEditorId).HasMaxLength(FieldLengths.UserId);
        builder.Property(a => a.ReviewComment).HasMaxLength(FieldLengths.Comment);
        builder.Property(a => a.PendingStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.DeletedById).HasMaxLength(FieldLengths.UserId);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasIndex(a => a.UrlKey).IsUnique();
        builder.HasIndex(a => a.ImportKey).IsUnique();

        // Section pages and 上一篇/下一篇: a section's published articles, newest first.
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id });

        // The home page and later feeds: all published articles, newest first; the scheduler:
        // scheduled articles whose time has come.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.Status, a.ScheduledAt });

        // 置顶, 头条 and 图片新闻 are read apart from the lists (few rows), so the lists keep their index.
        builder.HasIndex(a => a.PinnedUntil);
        builder.HasIndex(a => new { a.IsHeadline, a.PublishedAt });
        builder.HasIndex(a => new { a.IsPictureNews, a.PublishedAt });

        builder.HasOne<Media.MediaFile>()
            .WithMany()
            .HasForeignKey(a => a.CoverImageId)
            .OnDelete(DeleteBehavior.SetNull);

        builder.HasOne(a => a.Section)
            .WithMany(s => s.Articles)
            .HasForeignKey(a => a.SectionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
