using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Media;

namespace Portal.Core.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.StoredName).HasMaxLength(FieldLengths.StoredName).IsRequired();
        builder.Property(m => m.OriginalName).HasMaxLength(FieldLengths.FileName).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(FieldLengths.ContentType).IsRequired();
        builder.Property(m => m.ListVariantName).HasMaxLength(FieldLengths.StoredName);
        builder.Property(m => m.AltText).HasMaxLength(FieldLengths.AltText);
        builder.Property(m => m.UploadedById).HasMaxLength(FieldLengths.UserId);
        builder.HasIndex(m => m.StoredName).IsUnique();
        builder.HasIndex(m => m.ListVariantName).IsUnique();
        builder.HasIndex(m => m.UploadedAt);
        builder.HasIndex(m => new { m.Kind, m.UploadedAt });
    }
}
