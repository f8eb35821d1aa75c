using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Accounts;
using Portal.Core.Messages;

namespace Portal.Core.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Title).HasMaxLength(FieldLengths.MessageTitle).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(FieldLengths.MessageBody).IsRequired();
        builder.Property(m => m.WriterName).HasMaxLength(FieldLengths.WriterName).IsRequired();
        builder.Property(m => m.WriterPhone).HasMaxLength(FieldLengths.MobilePhone).IsRequired();
        builder.Property(m => m.WriterEmail).HasMaxLength(FieldLengths.Email);
        builder.Property(m => m.WriterIp).HasMaxLength(FieldLengths.IpAddress);
        builder.Property(m => m.LookupCodeHash).HasMaxLength(FieldLengths.Sha256Hex).IsRequired();
        builder.Property(m => m.BodyHash).HasMaxLength(FieldLengths.Sha256Hex).IsRequired();
        builder.Property(m => m.RefusalReason).HasMaxLength(FieldLengths.Comment);
        builder.Property(m => m.Reply).HasMaxLength(FieldLengths.MessageReply);
        builder.Property(m => m.ReplyAuthorId).HasMaxLength(FieldLengths.UserId);
        builder.Property(m => m.ReplyApprovedById).HasMaxLength(FieldLengths.UserId);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsPublic);

        // The staff queue (by status, oldest first), the public list (newest answer first), the
        // duplicate check (one phone, one day) and the deadline rule.
        builder.HasIndex(m => new { m.Status, m.ReceivedAt });
        builder.HasIndex(m => new { m.Status, m.ConsentToPublish, m.ClosedAt });
        builder.HasIndex(m => new { m.WriterPhone, m.ReceivedAt });
        builder.HasIndex(m => new { m.DepartmentId, m.Status });
        builder.HasIndex(m => new { m.Status, m.DueDate });

        builder.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Notes).WithOne().HasForeignKey(n => n.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageNoteConfiguration : IEntityTypeConfiguration<MessageNote>
{
    public void Configure(EntityTypeBuilder<MessageNote> builder)
    {
        builder.Property(n => n.AuthorId).HasMaxLength(FieldLengths.UserId).IsRequired();
        builder.Property(n => n.AuthorName).HasMaxLength(FieldLengths.AuditUserName).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(FieldLengths.MessageNote).IsRequired();
    }
}

internal sealed class MessageDepartmentConfiguration : IEntityTypeConfiguration<MessageDepartment>
{
    public void Configure(EntityTypeBuilder<MessageDepartment> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(FieldLengths.DepartmentName).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class UserDepartmentConfiguration : IEntityTypeConfiguration<UserDepartment>
{
    public void Configure(EntityTypeBuilder<UserDepartment> builder)
    {
        builder.HasKey(d => new { d.UserId, d.DepartmentId });
        builder.Property(d => d.UserId).HasMaxLength(FieldLengths.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MessageDepartment>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageKindSettingConfiguration : IEntityTypeConfiguration<MessageKindSetting>
{
    public void Configure(EntityTypeBuilder<MessageKindSetting> builder)
    {
        builder.HasKey(s => s.Kind);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(FieldLengths.CalendarDayName).IsRequired();
    }
}
