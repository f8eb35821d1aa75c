using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Site;

namespace Portal.Core.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(FieldLengths.SiteName).IsRequired();
        builder.Property(s => s.Sponsor).HasMaxLength(FieldLengths.Organisation);
        builder.Property(s => s.CopyrightHolder).HasMaxLength(FieldLengths.Organisation);
        builder.Property(s => s.IcpNumber).HasMaxLength(FieldLengths.RecordNumber);
        builder.Property(s => s.GovBadgeUrl).HasMaxLength(FieldLengths.Url);
        builder.Property(s => s.PublicSecurityNumber).HasMaxLength(FieldLengths.RecordNumber);
        builder.Property(s => s.SiteCode).HasMaxLength(FieldLengths.SiteCode);
        builder.Property(s => s.Address).HasMaxLength(FieldLengths.Address);
        builder.Property(s => s.Postcode).HasMaxLength(FieldLengths.Postcode);
        builder.Property(s => s.Maintainer).HasMaxLength(FieldLengths.Organisation);
        builder.Property(s => s.ErrorReportLabel).HasMaxLength(FieldLengths.Label);
        builder.Property(s => s.WeChatLabel).HasMaxLength(FieldLengths.Label);
        builder.Property(s => s.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(s => s.Email).HasMaxLength(FieldLengths.Email);
        builder.HasOne<Media.MediaFile>()
            .WithMany()
            .HasForeignKey(s => s.WeChatQrImageId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
