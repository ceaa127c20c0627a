using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Domain;

public sealed class ModelTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteTicketHubDbContext(new DbContextOptionsBuilder<SqliteTicketHubDbContext>().UseTicketHubSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteTicketHubDbContext ...");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresTicketHubDbContext(new DbContextOptionsBuilder<PostgresTicketHubDbContext>().UseTicketHubPostgres("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresTicketHubDbContext ...");
    }

    [Fact]
    public void The_domain_references_no_aspnetcore_framework_assembly()
    {
        var references = typeof(TicketHubDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // Two persistence packages only: the Identity tables and the shared Data Protection key ring are part of the model.
        string[] persistence = ["Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore"];
        var web = references.Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !persistence.Contains(n)).ToList();
        Assert.Empty(web);
        Assert.Contains("Microsoft.EntityFrameworkCore", references);
    }
}
