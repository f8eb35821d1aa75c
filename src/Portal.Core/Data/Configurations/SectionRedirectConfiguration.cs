using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Sections;

namespace Portal.Core.Data.Configurations;

internal sealed class SectionRedirectConfiguration : IEntityTypeConfiguration<SectionRedirect>
{
    public void Configure(EntityTypeBuilder<SectionRedirect> builder)
    {
        builder.Property(r => r.OldPath).HasMaxLength(FieldLengths.SectionPath).IsRequired();
        builder.HasIndex(r => r.OldPath).IsUnique();
        builder.HasOne(r => r.Section)
            .WithMany()
            .HasForeignKey(r => r.SectionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
