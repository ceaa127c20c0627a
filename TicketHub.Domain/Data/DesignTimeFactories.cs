using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketHub.Domain.Data;

// Used only by `dotnet ef migrations add --context ...`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTicketHubDbContext>
{
    public SqliteTicketHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteTicketHubDbContext>();
        options.UseTicketHubSqlite("Data Source=design.db").AddInterceptors(new SqliteTextKeyFunction());
        return new SqliteTicketHubDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTicketHubDbContext>
{
    public PostgresTicketHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresTicketHubDbContext>();
        options.UseTicketHubPostgres("Host=localhost");
        return new PostgresTicketHubDbContext(options.Options);
    }
}
