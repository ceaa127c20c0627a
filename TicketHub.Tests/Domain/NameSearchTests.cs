using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Venues;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class NameSearchOnSqlite() : NameSearchTests(DatabaseProvider.Sqlite);
public sealed class NameSearchOnPostgres() : NameSearchTests(DatabaseProvider.Postgres);

/// <summary>The storefront's search box finds event, venue and performer names whatever their case, in any script.</summary>
public abstract class NameSearchTests(DatabaseProvider provider) : DomainTest(provider)
{
    [Theory]
    [InlineData("café", "Café Müller")]
    [InlineData("MÜLLER", "Café Müller")]
    [InlineData("été", "ÉTÉ à Arles")]
    [InlineData("À ARLES", "ÉTÉ à Arles")]
    [InlineData("istanbul", "İstanbul Gecesi")]
    [InlineData("ığdır", "Iğdır Türküleri")]
    [InlineData("TÜRKÜLERİ", "Iğdır Türküleri")]
    [InlineData("αθήνα", "ΑΘΉΝΑ Live")]
    [InlineData("ΟΔΌΣ", "Οδός Ονείρων")]
    [InlineData("ονείρων", "Οδός Ονείρων")]
    public async Task An_event_name_is_found_whatever_the_case_in_any_script(string search, string name)
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await VenueAsync(vendor, "Europe/Paris", "Arles");
        var ids = new Dictionary<string, string>();
        foreach (var each in new[] { "Café Müller", "ÉTÉ à Arles", "İstanbul Gecesi", "Iğdır Türküleri", "ΑΘΉΝΑ Live", "Οδός Ονείρων" })
            ids[each] = await EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(20), each);

        var found = await SearchAsync(search);

        Assert.Equal([ids[name]], found);
    }

    [Fact]
    public async Task Venue_and_performer_names_are_found_whatever_the_case_in_any_script()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var chatelet = await Service<VenueService>().AddAsync(vendor,
            new AddVenueCommand("Théâtre du Châtelet", "1 Place du Châtelet", "Paris", null, "France", "75001", null, "Europe/Paris"), Ct);
        var atChatelet = await EventAsync(vendor, chatelet.Value!, DateTimeOffset.UtcNow.AddDays(20), "Opening Night");
        var zoe = await Service<PerformerService>().AddAsync(vendor, new AddPerformerCommand("Zoë Şahin", null), Ct);
        var withZoe = await Service<EventService>().AddAsync(vendor, new AddEventCommand(
            chatelet.Value!, "Closing Night", null, DateTimeOffset.UtcNow.AddDays(21), DateTimeOffset.UtcNow.AddDays(21).AddHours(2), "EUR", [zoe.Value!]), Ct);

        Assert.Equal([atChatelet, withZoe.Value!], await SearchAsync("CHÂTELET"));
        Assert.Equal([withZoe.Value!], await SearchAsync("zoë şahin"));
    }

    private async Task<IReadOnlyList<string>> SearchAsync(string text)
    {
        var page = await Service<EventService>().SearchAsync(new EventQuery(Text: text), new PageRequest(1, 50), Ct);
        return page.Value!.Items.Select(e => e.Id).ToList();
    }
}
