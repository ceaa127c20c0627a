using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Web;

/// <summary>The interactive REST API reference (Scalar) at /api-docs.</summary>
public sealed class ApiReferencePageTests : IAsyncLifetime
{
    private TicketHubFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await TicketHubFactory.CreateAsync(DatabaseProvider.Sqlite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_page_states_its_language()
    {
        var html = await _app.CreateClient().GetStringAsync("/api-docs", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("TicketHub API", html);
    }
}
