using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Resale;

internal sealed class ResaleListingConfiguration : IEntityTypeConfiguration<ResaleListing>
{
    public void Configure(EntityTypeBuilder<ResaleListing> b)
    {
        b.Property(l => l.Id).HasMaxLength(Ids.MaxLength);
        b.Property(l => l.SellerId).HasMaxLength(Ids.MaxLength);
        b.Property(l => l.HoldingId).HasMaxLength(Ids.MaxLength);
        b.Property(l => l.TicketLotId).HasMaxLength(Ids.MaxLength);
        b.Property(l => l.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => l.SellerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Holding>().WithMany().HasForeignKey(l => l.HoldingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TicketLot>().WithMany().HasForeignKey(l => l.TicketLotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Event>().WithMany().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ResaleListings_Count", "\"Count\" >= 0");
            t.HasCheckConstraint("CK_ResaleListings_Sold", "\"Sold\" >= 0");
            // Anti-scalping backstop: never listed above what the seller paid.
            t.HasCheckConstraint("CK_ResaleListings_Price", "\"PriceCents\" >= 0 AND \"PriceCents\" <= \"SellerPaidCents\"");
        });
        b.HasIndex(l => new { l.EventId, l.Status, l.PriceCents });
        b.HasIndex(l => new { l.SellerId, l.Status });
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> b)
    {
        b.Property(p => p.Id).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.SellerId).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.ListingId).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.OrderId).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.SellerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ResaleListing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrderId).IsUnique();   // one payout per resale order, so a settled order is never paid out twice
        b.HasIndex(p => p.SellerId);
    }
}
