using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;

namespace TicketHub.Domain.WaitingRooms;

internal sealed class WaitingRoomConfiguration : IEntityTypeConfiguration<WaitingRoom>
{
    public void Configure(EntityTypeBuilder<WaitingRoom> b)
    {
        b.HasKey(r => r.EventId);
        b.Property(r => r.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Event>().WithOne().HasForeignKey<WaitingRoom>(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_WaitingRooms_Admitted", "\"AdmittedThrough\" >= 0 AND \"AdmittedThrough\" <= \"LastPosition\""));
    }
}

internal sealed class QueueEntryConfiguration : IEntityTypeConfiguration<QueueEntry>
{
    public void Configure(EntityTypeBuilder<QueueEntry> b)
    {
        b.HasKey(q => new { q.EventId, q.UserId });   // one place per visitor and event
        b.Property(q => q.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(q => q.UserId).HasMaxLength(Ids.MaxLength);
        b.HasOne<WaitingRoom>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.EventId, q.Position }).IsUnique();   // a place is handed out once
        b.HasIndex(q => new { q.EventId, q.DrawKey });
    }
}
