using Npgsql;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Domain;

public sealed class ProviderSetupTests
{
    [Fact]
    public void A_PostgreSQL_connection_prepares_repeated_statements_by_default()
    {
        var chosen = new NpgsqlConnectionStringBuilder(ProviderSetup.WithAutoPrepare("Host=db;Username=app;Database=tickethub"));

        Assert.Equal(32, chosen.MaxAutoPrepare);
        Assert.Equal(2, chosen.AutoPrepareMinUsages);
        Assert.Equal("db", chosen.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;Max Auto Prepare=5")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    public void A_connection_string_that_chooses_auto_prepare_is_kept_as_written(string connectionString) =>
        Assert.Equal(connectionString, ProviderSetup.WithAutoPrepare(connectionString));
}
