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
}
