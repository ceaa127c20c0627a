using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.ETickets;

internal sealed class TicketUnitConfiguration : IEntityTypeConfiguration<TicketUnit>
{
    public void Configure(EntityTypeBuilder<TicketUnit> b)
    {
        b.Property(u => u.Id).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.TicketLotId).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.HoldingId).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.OwnerId).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.ListingId).HasMaxLength(Ids.MaxLength);
        b.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<AppUser>().WithMany().HasForeignKey(u => u.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // No foreign keys to the lot, the event or the holding: units are written by every settlement, and a key-share
        // lock on those rows is what a flash sale queues on (see OrderConfiguration).
        b.HasIndex(u => new { u.HoldingId, u.Status });     // listing takes active units of a holding
        b.HasIndex(u => new { u.ListingId, u.Status });     // a resale sale or a cancellation takes the listing's units
        b.HasIndex(u => new { u.EventId, u.CheckedInAtUtc });   // the door's count and the event's revocation list
        b.HasIndex(u => u.OwnerId);
        b.ToTable(t => t.HasCheckConstraint("CK_TicketUnits_Generation", "\"Generation\" >= 1"));
    }
}
