using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TicketHub.Domain.Data;

public static class ProviderSetup
{
    public static TBuilder UseTicketHubSqlite<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionTuning());
        return options;
    }

    public static TBuilder UseTicketHubPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(WithAutoPrepare(connectionString));
        return options;
    }

    /// <summary>
    /// Unless the connection string says otherwise, Npgsql prepares a statement on the server once a physical
    /// connection has run it twice and keeps it for that connection's life (up to 32 per connection), so the purchase's
    /// statements and the browse queries are parsed and planned once per pooled connection, not on every run.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var chosen = builder.MaxAutoPrepare > 0 || connectionString.Replace(" ", "", StringComparison.Ordinal)
            .Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase);
        if (chosen) return connectionString;
        builder.MaxAutoPrepare = 32;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>
    /// The browse replica: queries that fail to reach the server are re-run (see <see cref="ReadOnlyDb"/>). Only
    /// here: the primary's units of work run in their own transactions, which a retrying strategy does not allow.
    /// </summary>
    public static TBuilder UseTicketHubPostgresReplica<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(WithAutoPrepare(connectionString), o => o.EnableRetryOnFailure(3, TimeSpan.FromSeconds(1), errorCodesToAdd: null));
        return options;
    }
}
