using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int DetailMaxLength = 500;

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.Id).HasMaxLength(Ids.MaxLength);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ActorId).HasMaxLength(Ids.MaxLength);
        b.Property(a => a.ActorName).HasMaxLength(64);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.TargetType).HasMaxLength(24);
        b.Property(a => a.TargetId).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(DetailMaxLength);
        // Administrators read the newest first, narrowed by action, actor or object.
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Action, a.AtUtc });
        b.HasIndex(a => new { a.ActorId, a.AtUtc });
        b.HasIndex(a => a.TargetId);
    }
}
