using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;

namespace TicketHub.Tests.Support;

/// <summary>One piece of markup, the field it is stored in (or the query it is sent as), and who sees the page.</summary>
public sealed record MarkupPayload(string Field, string Text);

public sealed record MarkupPage(string Path, string Audience, bool ShowsStoredText = true);

/// <summary>
/// A marketplace whose every name, description, address, seat and name of a person holds markup that would run script
/// (setting <c>window.__xss</c> to the field's name) or add an element with an id starting "xss-" if a page rendered
/// it as HTML, all stored through the API as its users would store it; plus sign-in attempts and a purchase whose
/// markup lands in the audit log. Pages must show all of it as text.
/// </summary>
public sealed class StoredMarkup
{
    public const string Password = "correct-horse-1";
    public const string Vendor = "xss-vendor";
    public const string Buyer = "xss-buyer";
    public const string Admin = "xss-admin";
    public const string PendingVendor = "xss-pending";

    /// <summary>For text of up to 255 characters: leaves an attribute, then three ways to run script and a javascript: link.</summary>
    public static string Long(string field) =>
        $"\"'><svg id=xss-{field} onload=\"__xss='{field}'\"><img id=xss-{field}-i src=x onerror=\"__xss='{field}'\">" +
        $"<script>__xss='{field}'</script><a href=\"javascript:__xss='{field}'\">{field}</a>";

    /// <summary>For text of up to 64 characters (what the audit log keeps of a name or an id).</summary>
    public static string Medium(string field) => $"<img id=xss-{field} src=x onerror=\"__xss='{field}'\">";

    /// <summary>For a section or seat (15 characters): an element that must never exist.</summary>
    public static string Short(string field) => $"<b id=xss-{field}>";

    public required IReadOnlyList<MarkupPayload> Payloads { get; init; }
    public required IReadOnlyList<MarkupPage> Pages { get; init; }

    /// <summary>Stores the markup through the API of the app behind <paramref name="anonymous"/>.</summary>
    public static async Task<StoredMarkup> StoreAsync(
        HttpClient anonymous, Func<string, HttpClient> withToken, IServiceProvider services, TestDatabase database, CancellationToken ct)
    {
        var payloads = new List<MarkupPayload>();
        string Put(string field, Func<string, string> shape)
        {
            var text = shape(field);
            payloads.Add(new MarkupPayload(field, text));
            return text;
        }

        var vendor = withToken(await SignUpAsync(anonymous, services, database, Vendor, "vendor", "Vic", "Vendor", ct));
        var venueId = await IdAsync(await vendor.PutAsJsonAsync("/api/tickets/add-venue", new
        {
            name = Put("venue-name", Long), streetAddress = Put("venue-street", Long), city = Put("venue-city", Long),
            state = Put("venue-state", Long), country = Put("venue-country", Long), postalCode = Put("pc", Short),
            addlAddress = Put("venue-addl", Long), timeZone = "Europe/Berlin",
        }, ct));
        var performerId = await IdAsync(await vendor.PutAsJsonAsync("/api/tickets/add-performer",
            new { name = Put("performer-name", Long), description = Put("performer-desc", Long) }, ct));
        var start = DateTimeOffset.UtcNow.AddDays(20);
        var eventId = await IdAsync(await vendor.PutAsJsonAsync("/api/tickets/add-event", new
        {
            venueId, name = Put("event-name", Long), description = Put("event-desc", Long), startTime = start, endTime = start.AddHours(3),
            currency = "EUR", performerIds = new[] { performerId },
        }, ct));
        var lotId = await IdAsync(await vendor.PutAsJsonAsync("/api/tickets/upload-ticket",
            new { eventId, count = 20, section = Put("sec", Short), seat = Put("seat", Short), price = 40 }, ct));

        var buyer = withToken(await SignUpAsync(anonymous, services, database, Buyer, "individual", "Bea", "Buyer", ct));
        var bought = await buyer.PostAsJsonAsync("/api/tickets/buy-ticket", new { ticketId = lotId, count = 3 }, ct);
        var orderId = await ReadAsync(bought, "orderId");
        await ReadAsync(await buyer.PostAsJsonAsync("/api/tickets/sell-ticket", new { ticketId = lotId, count = 1 }, ct), "listingId");

        // A vendor waiting for approval, whose names the approval page shows (made to wait under Vendors:AutoApprove).
        await SignUpAsync(anonymous, services, database, PendingVendor, "vendor", Put("first-name", Long), Put("last-name", Long), ct, approve: false);
        await using (var db = database.CreateContext())
            await db.Users.Where(u => u.NormalizedUserName == "XSS-PENDING").ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, AccountStatus.PendingApproval), ct);

        // What the audit log keeps of refused requests: the name someone tried to sign in as, the id someone tried to buy.
        await anonymous.PostAsJsonAsync("/api/users/login", new { username = Put("actor", Medium), password = "not-the-password" }, ct);
        await buyer.PostAsJsonAsync("/api/tickets/buy-ticket", new { ticketId = Put("target", Medium), count = 1 }, ct);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdminService>().EnsureAdministratorAsync(Admin, Password, ct);
        await services.GetRequiredService<AuditWriter>().FlushAsync(ct);

        var query = Put("query", Medium);   // reflected from the address, not stored
        return new StoredMarkup
        {
            Payloads = payloads,
            Pages =
            [
                new("/", "anyone"),
                new("/events", "anyone"),
                new($"/events?city={Uri.EscapeDataString(payloads.Single(p => p.Field == "venue-city").Text)}", "anyone"),
                new($"/events?venue={venueId}", "anyone"),
                new($"/events?performer={performerId}", "anyone"),
                new($"/events?q={Uri.EscapeDataString(query)}", "anyone"),
                new($"/events/{eventId}", "anyone"),
                new($"/venues/{venueId}", "anyone"),
                new($"/performers/{performerId}", "anyone"),
                new($"/checkout?ticket={lotId}&count=1", "buyer"),
                new($"/orders/{orderId}", "buyer"),
                new("/my/tickets", "buyer"),
                new("/my/orders", "buyer"),
                new("/vendor", "vendor"),
                new("/vendor/venues", "vendor"),
                new("/vendor/performers", "vendor"),
                new("/vendor/events", "vendor"),
                new($"/vendor/events/{eventId}", "vendor"),
                new("/admin/vendors", "admin"),
                new("/admin/accounts", "admin", ShowsStoredText: false),   // usernames, types and states only
                new("/admin/audit", "admin"),
            ],
        };
    }

    /// <summary>
    /// Elements and attributes of a page (parsed as a browser would) that only markup rendered as HTML would make: an
    /// element with an "xss-" id, an inline script, an event-handler attribute, a javascript: link.
    /// </summary>
    public static IEnumerable<string> LiveMarkup(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.All
            .Where(e => e.Id?.StartsWith("xss-", StringComparison.Ordinal) == true
                        || (e.LocalName == "script" && !e.HasAttribute("src"))
                        || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                        || e.GetAttribute("href")?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => e.OuterHtml.Length > 160 ? e.OuterHtml[..160] + "…" : e.OuterHtml)
            .ToList();
    }

    // A vendor is approved when the app makes vendors wait (Vendors:AutoApprove=false).
    private static async Task<string> SignUpAsync(HttpClient anonymous, IServiceProvider services, TestDatabase database, string username,
        string userType, string firstName, string lastName, CancellationToken ct, bool approve = true)
    {
        var created = await anonymous.PutAsJsonAsync("/api/users/create-user", new { username, firstName, lastName, password = Password, userType }, ct);
        await created.EnsureOkAsync();
        await using (var db = database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedUserName == username.ToUpperInvariant(), ct);
            if (approve && user.Status == AccountStatus.PendingApproval)
            {
                await using var scope = services.CreateAsyncScope();
                Assert.True((await scope.ServiceProvider.GetRequiredService<AccountAdminService>().ApproveVendorAsync(null, user.Id, ct)).IsSuccess);
            }
        }
        var login = await anonymous.PostAsJsonAsync("/api/users/login", new { username, password = Password }, ct);
        return await ReadAsync(login, "token");
    }

    private static Task<string> IdAsync(HttpResponseMessage response) => ReadAsync(response, "id");

    private static async Task<string> ReadAsync(HttpResponseMessage response, string member)
    {
        await response.EnsureOkAsync();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty(member).GetString()!;
    }
}
