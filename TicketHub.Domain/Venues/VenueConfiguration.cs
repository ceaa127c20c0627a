using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Venues;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.Property(v => v.Id).HasMaxLength(Ids.MaxLength);
        b.Property(v => v.Name).HasMaxLength(255);
        b.Property(v => v.StreetAddress).HasMaxLength(255);
        b.Property(v => v.City).HasMaxLength(255);
        b.Property(v => v.State).HasMaxLength(255);
        b.Property(v => v.Country).HasMaxLength(255);
        b.Property(v => v.PostalCode).HasMaxLength(15);
        b.Property(v => v.AddlAddress).HasMaxLength(255);
        b.Property(v => v.TimeZone).HasMaxLength(64);
        b.Property(v => v.CreatedById).HasMaxLength(Ids.MaxLength);
        b.Property(v => v.NameKey).HasMaxLength(255);
        b.Property(v => v.CityKey).HasMaxLength(255);
        b.Property(v => v.StateKey).HasMaxLength(255);
        b.Property(v => v.CountryKey).HasMaxLength(255);
        b.Property(v => v.PostalCodeKey).HasMaxLength(15);
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);

        // Every filter of view-venues and the location filters of view-events.
        b.HasIndex(v => new { v.CityKey, v.CountryKey });
        b.HasIndex(v => v.CountryKey);
        b.HasIndex(v => v.StateKey);
        b.HasIndex(v => v.PostalCodeKey);
        b.HasIndex(v => v.NameKey);
    }
}
