using TicketHub.Web.Components.Shared;

namespace TicketHub.Tests.Web;

/// <summary>
/// Times shown and entered at the venue's wall clock, across daylight-saving changes in both directions: Berlin springs
/// forward on 29 March 2026 at 01:00 UTC (02:00 becomes 03:00) and falls back on 25 October 2026 at 01:00 UTC (03:00
/// becomes 02:00); New York springs forward on 8 March 2026 at 07:00 UTC.
/// </summary>
public sealed class VenueTimeTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";

    [Theory]
    [InlineData("2026-01-15T19:00:00Z", Berlin, "2026-01-15T20:00:00")]    // winter, UTC+1
    [InlineData("2026-07-01T18:00:00Z", Berlin, "2026-07-01T20:00:00")]    // summer, UTC+2
    [InlineData("2026-03-29T00:59:00Z", Berlin, "2026-03-29T01:59:00")]    // the last minute before the change
    [InlineData("2026-03-29T01:00:00Z", Berlin, "2026-03-29T03:00:00")]    // 02:00-02:59 never show
    [InlineData("2026-10-25T00:30:00Z", Berlin, "2026-10-25T02:30:00")]    // 02:30 summer time ...
    [InlineData("2026-10-25T01:30:00Z", Berlin, "2026-10-25T02:30:00")]    // ... and 02:30 again, winter time, an hour later
    [InlineData("2026-03-08T06:59:00Z", NewYork, "2026-03-08T01:59:00")]
    [InlineData("2026-03-08T07:00:00Z", NewYork, "2026-03-08T03:00:00")]
    public void A_UTC_instant_shows_as_the_venues_wall_clock_time(string utc, string zone, string local) =>
        Assert.Equal(Local(local), VenueTime.ToLocal(Utc(utc), zone));

    [Theory]
    [InlineData("2026-03-28", "20:00", Berlin, "2026-03-28T19:00:00Z")]   // the evening before the change
    [InlineData("2026-03-29", "20:00", Berlin, "2026-03-29T18:00:00Z")]   // the evening after it
    [InlineData("2026-03-29", "01:59", Berlin, "2026-03-29T00:59:00Z")]
    [InlineData("2026-03-29", "03:00", Berlin, "2026-03-29T01:00:00Z")]
    [InlineData("2026-10-24", "20:00", Berlin, "2026-10-24T18:00:00Z")]
    [InlineData("2026-10-25", "20:00", Berlin, "2026-10-25T19:00:00Z")]
    [InlineData("2026-03-08", "19:30", NewYork, "2026-03-08T23:30:00Z")]
    public void A_wall_clock_time_entered_at_the_venue_is_the_UTC_instant_it_names(string date, string time, string zone, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, Invariant), VenueTime.ToUtc(Date(date), TimeSpan.Parse(time, Invariant), zone));

    [Fact]
    public void A_time_in_the_spring_forward_gap_is_read_at_standard_time_and_shows_an_hour_later()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: it is taken at the winter offset (+01:00).
        var utc = VenueTime.ToUtc(Date("2026-03-29"), new TimeSpan(2, 30, 0), Berlin);

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z", Invariant), utc);
        Assert.Equal(Local("2026-03-29T03:30:00"), VenueTime.ToLocal(utc!.Value.UtcDateTime, Berlin));
    }

    [Fact]
    public void A_time_in_the_fall_back_overlap_is_read_as_its_later_standard_time_occurrence()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 (00:30 and 01:30 UTC): the later one, at +01:00, is meant.
        var utc = VenueTime.ToUtc(Date("2026-10-25"), new TimeSpan(2, 30, 0), Berlin);

        Assert.Equal(DateTimeOffset.Parse("2026-10-25T01:30:00Z", Invariant), utc);
        Assert.Equal(Local("2026-10-25T02:30:00"), VenueTime.ToLocal(utc!.Value.UtcDateTime, Berlin));
    }

    [Theory]
    [InlineData(Berlin)]
    [InlineData(NewYork)]
    [InlineData("Asia/Tokyo")]
    public void Every_existing_wall_clock_time_of_a_year_goes_there_and_back_unchanged(string zone)
    {
        for (var local = Local("2026-01-01T00:30:00"); local.Year == 2026; local = local.AddHours(1))
        {
            var utc = VenueTime.ToUtc(local.Date, local.TimeOfDay, zone)!.Value;
            var back = VenueTime.ToLocal(utc.UtcDateTime, zone);
            if (TimeZoneInfo.FindSystemTimeZoneById(zone).IsInvalidTime(local)) Assert.Equal(local.AddHours(1), back);
            else Assert.Equal(local, back);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not/AZone")]
    public void A_missing_or_unknown_zone_is_UTC_and_named_so(string? zone)
    {
        Assert.Equal(Local("2026-07-01T18:00:00"), VenueTime.ToLocal(Utc("2026-07-01T18:00:00Z"), zone));
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T18:00:00Z", Invariant), VenueTime.ToUtc(Date("2026-07-01"), new TimeSpan(18, 0, 0), zone));
        Assert.Equal("UTC", VenueTime.ZoneName(zone));
    }

    [Fact]
    public void A_date_or_time_not_yet_entered_gives_no_instant()
    {
        Assert.Null(VenueTime.ToUtc(null, new TimeSpan(20, 0, 0), Berlin));
        Assert.Null(VenueTime.ToUtc(Date("2026-07-01"), null, Berlin));
    }

    [Fact]
    public void A_time_is_shown_at_the_venue_with_its_zone_named() =>
        Assert.Equal("Sun 29 Mar 2026, 20:00 (Europe/Berlin)", VenueTime.When(Utc("2026-03-29T18:00:00Z"), Berlin));

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, Invariant, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static DateTime Local(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, Invariant), DateTimeKind.Unspecified);

    private static DateTime Date(string iso) => DateTime.Parse(iso, Invariant);
}
