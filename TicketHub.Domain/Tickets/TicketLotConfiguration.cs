using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;

namespace TicketHub.Domain.Tickets;

internal sealed class TicketLotConfiguration : IEntityTypeConfiguration<TicketLot>
{
    public void Configure(EntityTypeBuilder<TicketLot> b)
    {
        b.Property(t => t.Id).HasMaxLength(Ids.MaxLength);
        b.Property(t => t.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(t => t.VendorId).HasMaxLength(Ids.MaxLength);
        b.Property(t => t.Section).HasMaxLength(15);
        b.Property(t => t.Seat).HasMaxLength(15);
        b.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            // The stock's own backstop ("no oversell") is on TicketLotStock.
            t.HasCheckConstraint("CK_TicketLots_Removed", "\"Removed\" >= 0");
            t.HasCheckConstraint("CK_TicketLots_Uploaded", "\"Uploaded\" >= 1");
            t.HasCheckConstraint("CK_TicketLots_Accounted", "\"Removed\" <= \"Uploaded\"");
            t.HasCheckConstraint("CK_TicketLots_Price", "\"PriceCents\" >= 0");
        });
        b.HasIndex(t => new { t.EventId, t.PriceCents });   // an event's lots, cheapest first; min price per event
        b.HasIndex(t => t.VendorId);
    }
}
