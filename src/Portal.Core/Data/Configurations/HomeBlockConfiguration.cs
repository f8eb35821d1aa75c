using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Home;
using Portal.Core.Sections;

namespace Portal.Core.Data.Configurations;

internal sealed class HomeBlockConfiguration : IEntityTypeConfiguration<HomeBlock>
{
    public void Configure(EntityTypeBuilder<HomeBlock> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Title).HasMaxLength(FieldLengths.SectionName);
        builder.HasIndex(b => b.SortOrder);
        // A section with a home-page block cannot be deleted until the block is removed.
        builder.HasOne<Section>().WithMany().HasForeignKey(b => b.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Links).WithOne().HasForeignKey(l => l.HomeBlockId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HomeBlockLinkConfiguration : IEntityTypeConfiguration<HomeBlockLink>
{
    public void Configure(EntityTypeBuilder<HomeBlockLink> builder)
    {
        builder.Property(l => l.Label).HasMaxLength(FieldLengths.LinkText).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(FieldLengths.Url).IsRequired();
        builder.Property(l => l.AltText).HasMaxLength(FieldLengths.AltText);
        builder.HasOne<Media.MediaFile>().WithMany().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
