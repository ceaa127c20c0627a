using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.Id).HasMaxLength(Ids.MaxLength);
        b.Property(o => o.BuyerId).HasMaxLength(Ids.MaxLength);
        b.Property(o => o.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(o => o.TicketLotId).HasMaxLength(Ids.MaxLength);
        b.Property(o => o.ListingId).HasMaxLength(Ids.MaxLength);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.PaymentMethod).HasMaxLength(64);
        b.Property(o => o.PaymentReference).HasMaxLength(128);
        b.Property(o => o.FailureCode).HasMaxLength(64);
        b.Property(o => o.IdempotencyKey).HasMaxLength(128);
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.Restrict);
        // No foreign keys to the lot and the event on purpose, here and in holdings and purchase counters: on
        // PostgreSQL each insert would lock the referenced row in key-share mode, and every purchase of a hot lot
        // piling key-share locks onto the row its stock update needs measured 2.4x slower in a flash sale
        // (77-86 -> 204 purchases/s). Lots and events are never deleted, and every writer reads them first.
        b.HasIndex(o => o.TicketLotId);
        b.HasIndex(o => o.EventId);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Orders_Count", "\"Count\" >= 1");
            t.HasCheckConstraint("CK_Orders_Amount", "\"AmountCents\" >= 0");
        });
        b.HasIndex(o => new { o.BuyerId, o.IdempotencyKey }).IsUnique();   // a retried buy finds the first order
        b.HasIndex(o => new { o.Status, o.CreatedAtUtc });                  // the reconciler's scan of stale Pending orders
        b.HasIndex(o => new { o.BuyerId, o.CreatedAtUtc });
    }
}

internal sealed class HoldingConfiguration : IEntityTypeConfiguration<Holding>
{
    public void Configure(EntityTypeBuilder<Holding> b)
    {
        b.Property(h => h.Id).HasMaxLength(Ids.MaxLength);
        b.Property(h => h.UserId).HasMaxLength(Ids.MaxLength);
        b.Property(h => h.TicketLotId).HasMaxLength(Ids.MaxLength);
        b.Property(h => h.EventId).HasMaxLength(Ids.MaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => h.EventId);   // no foreign keys to the hot lot and event rows: see OrderConfiguration
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Holdings_Count", "\"Count\" >= 0");
            t.HasCheckConstraint("CK_Holdings_Price", "\"PricePaidCents\" >= 0");
        });
        // One row per user, lot and price paid: repeat purchases at the same price add up, a cheaper resale buy stays apart.
        b.HasIndex(h => new { h.UserId, h.TicketLotId, h.PricePaidCents }).IsUnique();
        b.HasIndex(h => h.TicketLotId);
    }
}

internal sealed class PurchaseCounterConfiguration : IEntityTypeConfiguration<PurchaseCounter>
{
    public void Configure(EntityTypeBuilder<PurchaseCounter> b)
    {
        b.HasKey(c => new { c.UserId, c.EventId });
        b.Property(c => c.UserId).HasMaxLength(Ids.MaxLength);
        b.Property(c => c.EventId).HasMaxLength(Ids.MaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.EventId);   // no foreign key to the hot event row: see OrderConfiguration
        b.ToTable(t => t.HasCheckConstraint(
            "CK_PurchaseCounters_Bought", $"\"Bought\" >= 0 AND \"Bought\" <= {PurchaseCounter.MaxPerEvent}"));
    }
}
