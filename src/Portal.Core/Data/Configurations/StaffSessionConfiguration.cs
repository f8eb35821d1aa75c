using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Accounts;

namespace Portal.Core.Data.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(FieldLengths.SessionId);
        builder.Property(s => s.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(s => s.SecurityStamp).HasMaxLength(FieldLengths.UserId);
        builder.Property(s => s.EndReason).HasMaxLength(FieldLengths.SessionEndReason);
        builder.Property(s => s.IpAddress).HasMaxLength(FieldLengths.IpAddress);
        builder.Property(s => s.UserAgent).HasMaxLength(FieldLengths.UserAgent);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // Ending all of an account's sessions, and pruning them, go by user.
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> builder)
    {
        builder.ToTable("PasswordHistory");
        builder.Property(h => h.UserId).HasMaxLength(FieldLengths.UserId);
        builder.Property(h => h.PasswordHash).HasMaxLength(FieldLengths.PasswordHash).IsRequired();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.UserId);
    }
}
