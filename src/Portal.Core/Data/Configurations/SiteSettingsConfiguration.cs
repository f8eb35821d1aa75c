using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Site;

namespace Portal.Core.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Sponsor).HasMaxLength(100);
        builder.Property(s => s.CopyrightHolder).HasMaxLength(100);
        builder.Property(s => s.IcpNumber).HasMaxLength(50);
        builder.Property(s => s.PublicSecurityNumber).HasMaxLength(50);
        builder.Property(s => s.SiteCode).HasMaxLength(20);
        builder.Property(s => s.Address).HasMaxLength(200);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.Property(s => s.Maintainer).HasMaxLength(100);
        builder.Property(s => s.ErrorReportLabel).HasMaxLength(50);
        builder.Property(s => s.WeChatLabel).HasMaxLength(50);
    }
}
