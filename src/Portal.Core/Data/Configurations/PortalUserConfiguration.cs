using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Accounts;
using Portal.Core.Sections;

namespace Portal.Core.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.DisplayName).IsRequired();
        builder.HasMany(u => u.Sections)
            .WithOne()
            .HasForeignKey(s => s.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSectionConfiguration : IEntityTypeConfiguration<UserSection>
{
    public void Configure(EntityTypeBuilder<UserSection> builder)
    {
        builder.HasKey(s => new { s.UserId, s.SectionId });
        builder.Property(s => s.UserId).HasMaxLength(FieldLengths.UserId);
        builder.HasOne<Section>()
            .WithMany()
            .HasForeignKey(s => s.SectionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
