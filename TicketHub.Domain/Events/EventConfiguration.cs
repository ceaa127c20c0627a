using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(e => e.Id).HasMaxLength(Ids.MaxLength);
        b.Property(e => e.VenueId).HasMaxLength(Ids.MaxLength);
        b.Property(e => e.VendorId).HasMaxLength(Ids.MaxLength);
        b.Property(e => e.Name).HasMaxLength(255);
        b.Property(e => e.NameKey).HasMaxLength(255);
        b.Property(e => e.CityKey).HasMaxLength(255);
        b.Property(e => e.StateKey).HasMaxLength(255);
        b.Property(e => e.CountryKey).HasMaxLength(255);
        b.Property(e => e.PostalCodeKey).HasMaxLength(15);
        b.Property(e => e.TimeZone).HasMaxLength(64);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Currency).HasMaxLength(3).IsFixedLength(false);
        b.HasOne(e => e.Venue).WithMany().HasForeignKey(e => e.VenueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Events_EndAfterStart", "\"EndUtc\" > \"StartUtc\""));

        // view-events is ordered by start time, optionally within one venue, one vendor's catalogue or one place; each
        // location filter reads its own index range in page order, so neither a page nor its count joins the venues.
        b.HasIndex(e => new { e.StartUtc, e.Id });
        b.HasIndex(e => new { e.VenueId, e.StartUtc });
        b.HasIndex(e => new { e.VendorId, e.StartUtc });
        b.HasIndex(e => new { e.CityKey, e.StartUtc, e.Id });
        b.HasIndex(e => new { e.CountryKey, e.StartUtc, e.Id });
        b.HasIndex(e => new { e.StateKey, e.StartUtc, e.Id });
        b.HasIndex(e => new { e.PostalCodeKey, e.StartUtc, e.Id });
    }
}

internal sealed class PerformanceConfiguration : IEntityTypeConfiguration<Performance>
{
    public void Configure(EntityTypeBuilder<Performance> b)
    {
        b.HasKey(p => new { p.EventId, p.PerformerId });
        b.Property(p => p.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.PerformerId).HasMaxLength(Ids.MaxLength);
        b.HasOne(p => p.Event).WithMany(e => e.Performances).HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Performer).WithMany().HasForeignKey(p => p.PerformerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PerformerId, p.EventId });   // events by performer
    }
}
