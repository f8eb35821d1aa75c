using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Preview;

namespace Portal.Core.Data.Configurations;

internal sealed class PreviewLinkConfiguration : IEntityTypeConfiguration<PreviewLink>
{
    public void Configure(EntityTypeBuilder<PreviewLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(FieldLengths.PreviewTokenHash).IsRequired();
        builder.Property(l => l.Note).HasMaxLength(FieldLengths.Comment);
        builder.Property(l => l.CreatedById).HasMaxLength(FieldLengths.UserId);
        builder.Property(l => l.CreatedByName).HasMaxLength(FieldLengths.DisplayName);
        builder.Property(l => l.RevokedByName).HasMaxLength(FieldLengths.DisplayName);

        // A link dies with its article (a restore deletes every article row, and so every link).
        builder.HasOne(l => l.Article).WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // Opening a link looks it up by the hash of its token; the edit page lists an article's links.
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.ArticleId);
    }
}
