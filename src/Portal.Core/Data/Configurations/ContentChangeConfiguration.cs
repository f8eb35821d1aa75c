using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Search;

namespace Portal.Core.Data.Configurations;

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Key).HasMaxLength(FieldLengths.UrlKey);

        // Indexers read by id (the primary key); pruning reads by time.
        builder.HasIndex(c => c.At);
    }
}
