using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Audit;

namespace Portal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(e => e.UserName).HasMaxLength(FieldLengths.AuditUserName).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(FieldLengths.AuditAction).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(FieldLengths.AuditTarget);
        builder.Property(e => e.TargetId).HasMaxLength(FieldLengths.AuditTarget);
        builder.Property(e => e.Details).HasMaxLength(FieldLengths.AuditDetails);
        builder.Property(e => e.IpAddress).HasMaxLength(FieldLengths.IpAddress);

        // The admin list filters by time, user and action, newest first.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
