using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;
using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Domain.Data;

/// <summary>
/// The one model for both providers. Each provider has a subclass of its own only so that each keeps its own
/// migrations (EF's "migrations with multiple providers"); services always ask for this base type.
/// It also keeps the web nodes' shared state: the Data Protection key ring (cookies and antiforgery tokens of one
/// node are read by every other) and the test payment gateway's charges.
/// </summary>
public abstract class TicketHubDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Performer> Performers => Set<Performer>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Performance> Performances => Set<Performance>();
    public DbSet<TicketLot> TicketLots => Set<TicketLot>();
    public DbSet<TicketLotStock> TicketLotStock => Set<TicketLotStock>();
    public DbSet<Holding> Holdings => Set<Holding>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<PurchaseCounter> PurchaseCounters => Set<PurchaseCounter>();
    public DbSet<ResaleListing> ResaleListings => Set<ResaleListing>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TestPaymentCharge> TestPaymentCharges => Set<TestPaymentCharge>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<TicketUnit> TicketUnits => Set<TicketUnit>();
    public DbSet<WaitingRoom> WaitingRooms => Set<WaitingRoom>();
    public DbSet<QueueEntry> QueueEntries => Set<QueueEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.Id).HasMaxLength(Ids.MaxLength);
            b.Property(u => u.UserName).HasMaxLength(15);
            b.Property(u => u.NormalizedUserName).HasMaxLength(15);
            b.Property(u => u.FirstName).HasMaxLength(255);
            b.Property(u => u.LastName).HasMaxLength(255);
            b.Property(u => u.Status).HasConversion<string>().HasMaxLength(16).HasDefaultValue(AccountStatus.Active).HasSentinel((AccountStatus)(-1));
        });
        // The user types are roles that exist from the migrations on.
        builder.Entity<IdentityRole>().HasData(
            new IdentityRole { Id = RoleIds.Individual, Name = Accounts.Roles.Individual, NormalizedName = "INDIVIDUAL", ConcurrencyStamp = "individual-v1" },
            new IdentityRole { Id = RoleIds.Vendor, Name = Accounts.Roles.Vendor, NormalizedName = "VENDOR", ConcurrencyStamp = "vendor-v1" },
            new IdentityRole { Id = RoleIds.Admin, Name = Accounts.Roles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "admin-v1" });
        builder.ApplyConfigurationsFromAssembly(typeof(TicketHubDbContext).Assembly);
    }
}

public sealed class SqliteTicketHubDbContext(DbContextOptions<SqliteTicketHubDbContext> options) : TicketHubDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no DateTimeKind; every time in TicketHub is UTC, so say so when reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresTicketHubDbContext(DbContextOptions<PostgresTicketHubDbContext> options) : TicketHubDbContext(options);

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
