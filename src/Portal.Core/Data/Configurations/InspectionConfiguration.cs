using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Inspection;

namespace Portal.Core.Data.Configurations;

internal sealed class InspectionRunConfiguration : IEntityTypeConfiguration<InspectionRun>
{
    public void Configure(EntityTypeBuilder<InspectionRun> builder)
    {
        builder.HasIndex(r => r.FinishedAt);
        builder.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> builder)
    {
        builder.Property(f => f.Rule).HasMaxLength(FieldLengths.InspectionRule).IsRequired();
        builder.Property(f => f.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Subject).HasMaxLength(FieldLengths.Title).IsRequired();
        builder.Property(f => f.Message).HasMaxLength(FieldLengths.AuditDetails).IsRequired();
        builder.Property(f => f.Url).HasMaxLength(FieldLengths.Url).IsRequired();
    }
}

internal sealed class LinkCheckConfiguration : IEntityTypeConfiguration<LinkCheck>
{
    public void Configure(EntityTypeBuilder<LinkCheck> builder)
    {
        builder.Property(c => c.Url).HasMaxLength(FieldLengths.Url).IsRequired();
        builder.Property(c => c.Problem).HasMaxLength(FieldLengths.Comment);
        builder.HasIndex(c => c.Url).IsUnique();
        builder.HasIndex(c => c.CheckedAt);
    }
}
