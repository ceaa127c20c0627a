using System.Net;
using System.Net.Http.Headers;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class BrowseCachingOnSqlite() : BrowseCachingTests(DatabaseProvider.Sqlite);
public sealed class BrowseCachingOnPostgres() : BrowseCachingTests(DatabaseProvider.Postgres);

/// <summary>Conditional GETs on the browse routes, and Link headers on paged answers.</summary>
public abstract class BrowseCachingTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, EntityTagHeaderValue? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null) request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("/api/tickets/view-events")]
    [InlineData("/api/tickets/view-venues")]
    [InlineData("/api/tickets/view-listings?event-id={event}")]
    public async Task A_browse_answer_revalidates_to_304_with_no_body(string route)
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var url = route.Replace("{event}", eventId);
        var first = await GetAsync(vendor, url);
        await first.EnsureOkAsync();

        var again = await GetAsync(vendor, url, first.Headers.ETag);

        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal((true, TimeSpan.FromSeconds(5)), (first.Headers.CacheControl!.Private, first.Headers.CacheControl.MaxAge));
    }

    [Fact]
    public async Task A_change_gives_a_new_etag_and_a_full_answer()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var url = $"/api/tickets/view-listings?event-id={eventId}";
        var before = await GetAsync(vendor, url);
        await UploadAsync(vendor, eventId, count: 5);

        var after = await GetAsync(vendor, url, before.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task A_page_links_to_the_first_previous_next_and_last_pages_keeping_the_filters()
    {
        var vendor = await VendorAsync();
        foreach (var name in new[] { "A Hall", "B Hall", "C Hall", "D Hall", "E Hall" }) await AddVenueAsync(vendor, name, city: "Austin");

        var response = await GetAsync(vendor, "/api/tickets/view-venues?city=Austin&page=2&page-size=2");

        await response.EnsureOkAsync();
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(
            "</api/tickets/view-venues?city=Austin&page=1&page-size=2>; rel=\"first\", " +
            "</api/tickets/view-venues?city=Austin&page=1&page-size=2>; rel=\"prev\", " +
            "</api/tickets/view-venues?city=Austin&page=3&page-size=2>; rel=\"next\", " +
            "</api/tickets/view-venues?city=Austin&page=3&page-size=2>; rel=\"last\"",
            response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task The_only_page_links_to_itself_as_first_and_last()
    {
        var vendor = await VendorAsync();

        var response = await GetAsync(vendor, "/api/tickets/view-venues");

        Assert.Equal("</api/tickets/view-venues?page=1&page-size=50>; rel=\"first\", </api/tickets/view-venues?page=1&page-size=50>; rel=\"last\"",
            response.Headers.GetValues("Link").Single());
    }
}
