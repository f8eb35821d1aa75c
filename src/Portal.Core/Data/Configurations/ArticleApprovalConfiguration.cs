using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Articles;

namespace Portal.Core.Data.Configurations;

internal sealed class ArticleApprovalConfiguration : IEntityTypeConfiguration<ArticleApproval>
{
    public void Configure(EntityTypeBuilder<ArticleApproval> builder)
    {
        builder.Property(a => a.ReviewerId).HasMaxLength(FieldLengths.UserId).IsRequired();
        builder.Property(a => a.ReviewerName).HasMaxLength(FieldLengths.DisplayName).IsRequired();

        // One approval per level of a round: two reviewers approving the same level at once
        // cannot both be stored.
        builder.HasIndex(a => new { a.ArticleId, a.Round, a.Level }).IsUnique();
        builder.HasOne<Article>()
            .WithMany()
            .HasForeignKey(a => a.ArticleId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
