using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Orders.Reservation;
using TicketHub.Domain.Orders.Settlement;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Vendors;
using TicketHub.Domain.Venues;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Live;
using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Domain;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database for the configured provider (<c>Database:Provider</c>, <c>ConnectionStrings:TicketHub</c>)
    /// and every domain service. <paramref name="dataDirectory"/> holds the SQLite file when no connection string is set.
    /// </summary>
    public static IServiceCollection AddTicketHubDomain(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        services.AddOptions<VendorOptions>().BindConfiguration(VendorOptions.Section);
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);

        var provider = config.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("TicketHub");
        var replica = config.GetConnectionString("TicketHubReplica") is { Length: > 0 } r ? r : null;
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:TicketHub is not set.");
            AddContext<PostgresTicketHubDbContext>(services, o => o.UseTicketHubPostgres(connectionString),
                replica is null ? null : o => o.UseTicketHubPostgresReplica(replica));
            services.AddSingleton<IWriteUnits, PostgresWriteUnits>();
            services.AddSingleton<IStockReservation, PostgresLotReservation>();
            services.AddSingleton<ISaleSettlement, PostgresSaleSettlement>();
        }
        else
        {
            connectionString ??= $"Data Source={Path.Combine(dataDirectory, "tickethub.db")}";
            AddContext<SqliteTicketHubDbContext>(services, o => o.UseTicketHubSqlite(connectionString),
                replica is null ? null : o => o.UseTicketHubSqlite(replica));
            services.AddSingleton<IWriteUnits, SqliteWriteUnits>();
            services.AddSingleton<IStockReservation>(sp => sp.GetRequiredService<TransactionalReservation>());
            services.AddSingleton<ISaleSettlement>(sp => sp.GetRequiredService<TransactionalSaleSettlement>());
        }
        services.AddSingleton<TransactionalReservation>();
        services.AddSingleton<TransactionalSaleSettlement>();

        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section);
        services.AddTicketHubCache(config);
        services.AddSingleton<EventFigures>();
        services.AddSingleton<VenueRefs>();
        services.AddHostedService<EventFiguresRefresher>();
        AddLive(services, config, dataDirectory);

        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.TryAddScoped<IClientOrigin, NoClientOrigin>();
        services.TryAddSingleton<IActionRateLimiter, NoActionRateLimits>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLogService>();
        services.AddSingleton<AccountStatusCache>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountAdminService>();
        services.AddScoped<VenueService>();
        services.AddScoped<PerformerService>();
        services.AddScoped<EventService>();
        services.AddScoped<TicketInventoryService>();
        services.AddScoped<PurchaseService>();
        services.AddSingleton<OrderSettlement>();
        services.AddSingleton<PendingOrderReconciliation>();
        services.AddScoped<HoldingService>();
        services.AddScoped<OrderHistoryService>();
        services.AddScoped<ResaleService>();
        services.AddScoped<VendorDashboardService>();
        services.AddScoped<VendorSalesService>();
        AddPaymentGateway(services, config);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>
    /// Identity over the TicketHub database with the account rules: username characters, password length and common
    /// passwords, lockout, and PBKDF2 at <see cref="AccountRules.PasswordHashIterations"/>.
    /// </summary>
    public static IdentityBuilder AddTicketHubIdentityCore(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = AccountRules.PasswordHashIterations);
        return services.AddIdentityCore<AppUser>(o =>
            {
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = AccountRules.PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = AccountRules.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = AccountRules.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<PasswordRules>()
            .AddEntityFrameworkStores<TicketHubDbContext>();
    }

    // E-tickets, live updates and waiting rooms: one platform key signs ticket codes and queue passes; signals reach
    // other nodes through Redis when it is configured.
    private static void AddLive(IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        services.AddOptions<WaitingRoomOptions>().BindConfiguration(WaitingRoomOptions.Section);
        LiveSignals.AddLiveSignals(services, config);
        services.AddSingleton(_ => PlatformKey.Resolve(config[$"{TicketOptions.Section}:SigningKey"], dataDirectory));
        services.AddSingleton<AvailabilityFeed>();
        services.AddSingleton<EntryFeed>();
        services.AddSingleton<QueueFeed>();
        services.AddScoped<ETicketService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<WaitingRoomService>();
    }

    private static void AddPaymentGateway(IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section);
        var provider = config[$"{PaymentOptions.Section}:Provider"] ?? "Test";
        if (provider.Equals("Test", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<TestPaymentGateway>();
            services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
            return;
        }
        if (provider.Equals("Stripe", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
                .Validate(o => !string.IsNullOrWhiteSpace(o.SecretKey), "Stripe:SecretKey is required when Payments:Provider is Stripe.")
                .Validate(o => !string.IsNullOrWhiteSpace(o.PublishableKey), "Stripe:PublishableKey is required when Payments:Provider is Stripe.")
                .ValidateOnStart();
            services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
            return;
        }
        throw new InvalidOperationException($"Unknown Payments:Provider '{provider}'; use Test or Stripe.");
    }

    // Services ask for the provider-neutral base type; the provider subclass only decides which migrations apply.
    // Contexts are pooled: browsing creates one per request, and pooling skips most of that setup.
    private static void AddContext<TContext>(
        IServiceCollection services, Action<DbContextOptionsBuilder> configure, Action<DbContextOptionsBuilder>? configureReplica)
        where TContext : TicketHubDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<TicketHubDbContext>>(sp =>
            new BaseContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<TicketHubDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton(sp =>
        {
            if (configureReplica is null) return new ReadOnlyDb(sp.GetRequiredService<IDbContextFactory<TicketHubDbContext>>());
            var options = new DbContextOptionsBuilder<TContext>();
            configureReplica(options);
            return new ReadOnlyDb(new BaseContextFactory<TContext>(new PooledDbContextFactory<TContext>(options.Options)), isSeparate: true);
        });
    }

    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TicketHubDbContext>
        where TContext : TicketHubDbContext
    {
        public TicketHubDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<TicketHubDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
            await inner.CreateDbContextAsync(ct);
    }
}
