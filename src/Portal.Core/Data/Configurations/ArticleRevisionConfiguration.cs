using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Articles;

namespace Portal.Core.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.AuthorId).HasMaxLength(FieldLengths.UserId);
        builder.Property(r => r.AuthorName).HasMaxLength(FieldLengths.DisplayName).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(FieldLengths.RevisionNote).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        builder.Property(r => r.Source).HasMaxLength(FieldLengths.Source).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(FieldLengths.Summary);
        builder.Property(r => r.Keywords).HasMaxLength(FieldLengths.Keywords);
        builder.Property(r => r.BodyMarkdown).IsRequired();

        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasOne(r => r.Article)
            .WithMany(a => a.Revisions)
            .HasForeignKey(r => r.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
