using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Site;

namespace Portal.Core.Data.Configurations;

internal sealed class FooterLinkGroupConfiguration : IEntityTypeConfiguration<FooterLinkGroup>
{
    public void Configure(EntityTypeBuilder<FooterLinkGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(FieldLengths.GroupName).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasMany(g => g.Links)
            .WithOne(l => l.Group)
            .HasForeignKey(l => l.GroupId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FooterLinkConfiguration : IEntityTypeConfiguration<FooterLink>
{
    public void Configure(EntityTypeBuilder<FooterLink> builder)
    {
        builder.Property(l => l.Text).HasMaxLength(FieldLengths.LinkText).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(FieldLengths.Url);
        builder.HasIndex(l => new { l.GroupId, l.SortOrder });
    }
}
