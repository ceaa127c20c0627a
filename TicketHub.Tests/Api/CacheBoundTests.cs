using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class CacheBoundOnSqlite() : CacheBoundTests(DatabaseProvider.Sqlite);
public sealed class CacheBoundOnPostgres() : CacheBoundTests(DatabaseProvider.Postgres);

/// <summary>Filters take endless values (any country, any city): the memory level of the cache must not grow with them.</summary>
public abstract class CacheBoundTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const int Bound = 40;

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Cache:MemorySizeLimitEntries"] = Bound.ToString(),
    };

    [Fact]
    public async Task Many_distinct_browse_filters_keep_the_memory_level_within_its_bound()
    {
        var vendor = await VendorAsync();
        var memory = App.Services.GetRequiredKeyedService<MemoryCache>(CacheSetup.MemoryLevel);

        for (var i = 0; i < Bound * 5; i++)
            await (await vendor.GetAsync($"/api/tickets/view-events?country=Nowhere{i}", Ct)).EnsureOkAsync();

        Assert.InRange(memory.Count, 1, Bound);   // entries are kept, and never more than the bound
    }
}
