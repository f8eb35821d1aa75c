using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Sections;

namespace Portal.Core.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(FieldLengths.SectionName).IsRequired();
        builder.Property(s => s.MenuLabel).HasMaxLength(FieldLengths.MenuLabel).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(FieldLengths.Slug).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(FieldLengths.SectionDescription);
        builder.Property(s => s.Keywords).HasMaxLength(FieldLengths.Keywords);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(SectionKind.List).HasSentinel((SectionKind)(-1));
        builder.Property(s => s.UpdateClass).HasConversion<string>().HasMaxLength(16).HasDefaultValue(SectionUpdateClass.News).HasSentinel((SectionUpdateClass)(-1));
        builder.Property(s => s.LinkUrl).HasMaxLength(FieldLengths.Url);

        // Slugs are unique among siblings; the application also checks top-level slugs, because
        // databases differ in whether two NULL parent ids collide in a unique index.
        builder.HasIndex(s => new { s.ParentId, s.Slug }).IsUnique();

        builder.HasOne(s => s.Parent)
            .WithMany(s => s.Children)
            .HasForeignKey(s => s.ParentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
