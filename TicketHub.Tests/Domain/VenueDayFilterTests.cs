using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class VenueDayFilterOnSqlite() : VenueDayFilterTests(DatabaseProvider.Sqlite);
public sealed class VenueDayFilterOnPostgres() : VenueDayFilterTests(DatabaseProvider.Postgres);

/// <summary>The browse date filter: a day means that calendar day at each event's venue, in the venue's own time zone.</summary>
public abstract class VenueDayFilterTests(DatabaseProvider provider) : DomainTest(provider)
{
    private const string Berlin = "Europe/Berlin", NewYork = "America/New_York";

    [Fact]
    public async Task An_event_is_on_the_day_it_starts_at_its_venue_whatever_the_UTC_date()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var newYork = await VenueAsync(vendor, NewYork, "Gotham");
        var berlin = await VenueAsync(vendor, Berlin, "Spree");
        // 23:30 in New York is the next day in UTC; 00:30 in Berlin is the day before in UTC.
        var lateInNewYork = await EventAsync(vendor, newYork, At(day, new TimeOnly(23, 30), NewYork), "Late show");
        var earlyInBerlin = await EventAsync(vendor, berlin, At(day, new TimeOnly(0, 30), Berlin), "Early show");
        await EventAsync(vendor, newYork, At(day.AddDays(1), new TimeOnly(0, 30), NewYork), "Next day in New York");
        await EventAsync(vendor, berlin, At(day.AddDays(-1), new TimeOnly(23, 30), Berlin), "Day before in Berlin");

        var found = await SearchAsync(day, day);

        Assert.Equal(new[] { earlyInBerlin, lateInNewYork }.Order(), found.Order());
    }

    [Fact]
    public async Task A_daylight_saving_day_at_the_venue_is_as_long_as_the_venue_says()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await VenueAsync(vendor, Berlin);
        var change = NextOffsetChange(Berlin);
        // The last half hour of the changeover day and the first of the next, both in Berlin's own time.
        var lastOfDay = await EventAsync(vendor, venue, At(change, new TimeOnly(23, 30), Berlin), "Last of the day");
        await EventAsync(vendor, venue, At(change.AddDays(1), new TimeOnly(0, 30), Berlin), "First of the next day");

        var found = await SearchAsync(change, change);

        Assert.Equal([lastOfDay], found);
    }

    [Fact]
    public async Task A_from_day_alone_keeps_every_later_event_and_drops_the_ones_before()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var venue = await VenueAsync(vendor, NewYork);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await EventAsync(vendor, venue, At(day.AddDays(-1), new TimeOnly(23, 59), NewYork), "The evening before");
        var onTheDay = await EventAsync(vendor, venue, At(day, new TimeOnly(0, 0), NewYork), "At midnight");
        var later = await EventAsync(vendor, venue, At(day.AddDays(90), new TimeOnly(20, 0), NewYork), "Months later");

        var found = await SearchAsync(day, null);

        Assert.Equal([onTheDay, later], found);
    }

    private async Task<IReadOnlyList<string>> SearchAsync(DateOnly? from, DateOnly? to)
    {
        var page = await Service<EventService>().SearchAsync(new EventQuery(FromDay: from, ToDay: to), new PageRequest(1, 50), Ct);
        return page.Value!.Items.Select(e => e.Id).ToList();
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The next day (from a week ahead) whose end has another UTC offset than its start: 23 or 25 hours long.</summary>
    private static DateOnly NextOffsetChange(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        while (zone.GetUtcOffset(day.ToDateTime(new TimeOnly(1, 0))) == zone.GetUtcOffset(day.ToDateTime(new TimeOnly(23, 0))))
            day = day.AddDays(1);
        return day;
    }
}
