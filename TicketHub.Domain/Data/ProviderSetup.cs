using Microsoft.EntityFrameworkCore;

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
        options.UseNpgsql(connectionString);
        return options;
    }

    /// <summary>
    /// The browse replica: queries that fail to reach the server are re-run (see <see cref="ReadOnlyDb"/>). Only
    /// here: the primary's units of work run in their own transactions, which a retrying strategy does not allow.
    /// </summary>
    public static TBuilder UseTicketHubPostgresReplica<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString, o => o.EnableRetryOnFailure(3, TimeSpan.FromSeconds(1), errorCodesToAdd: null));
        return options;
    }
}
