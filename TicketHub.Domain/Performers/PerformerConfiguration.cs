using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Performers;

internal sealed class PerformerConfiguration : IEntityTypeConfiguration<Performer>
{
    public void Configure(EntityTypeBuilder<Performer> b)
    {
        b.Property(p => p.Id).HasMaxLength(Ids.MaxLength);
        b.Property(p => p.Name).HasMaxLength(255);
        b.Property(p => p.Description).HasMaxLength(511);
        b.Property(p => p.NameKey).HasMaxLength(255);
        b.Property(p => p.CreatedById).HasMaxLength(Ids.MaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.NameKey);
    }
}
