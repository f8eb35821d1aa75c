using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Articles;
using Portal.Core.Media;

namespace Portal.Core.Data.Configurations;

internal sealed class MediaUseConfiguration : IEntityTypeConfiguration<MediaUse>
{
    public void Configure(EntityTypeBuilder<MediaUse> builder)
    {
        builder.HasKey(u => new { u.MediaFileId, u.ArticleId, u.Kind });
        builder.HasIndex(u => u.ArticleId);

        // A used file cannot be deleted (MediaLibrary says where it is used); an article's hard
        // deletion (the recycle bin emptied) takes its uses with it.
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(u => u.MediaFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Article>().WithMany().HasForeignKey(u => u.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
