using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;

namespace TicketHub.Domain.Data;

/// <summary>How much catalogue to generate; tickets per lot is the average lot size.</summary>
public sealed record DemoCatalogSize(int Cities, int Venues, int Performers, int Events, int LotsPerEvent, int TicketsPerLot)
{
    public static readonly DemoCatalogSize Demo = new(16, 48, 96, 480, 4, 210);
}

/// <summary>Demo accounts and a deterministic, realistic catalogue of venues, performers, events and ticket lots.</summary>
public sealed class DemoData(
    IDbContextFactory<TicketHubDbContext> dbFactory, AccountService accounts, AccountAdminService admin, EventFigures figures, TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string AdminUsername = "demo-admin";
    public const string VendorUsername = "demo-vendor";
    public const string BuyerUsername = "demo-buyer";
    public const string Buyer2Username = "demo-buyer2";
    public const string Password = "TicketHub-demo1";
    private const int BatchSize = 2000;

    private sealed record City(string Name, string Country, string? State, string PostalPattern, string TimeZone);
    private sealed record Currency(string Code, decimal PerUsd, int Step);
    private sealed record Place(City City, string Name, TimeZoneInfo Zone);
    private sealed record VenueInfo(Venue Venue, TimeZoneInfo Zone, Currency Currency);

    // Postal patterns: '#' is a digit, '@' a capital letter.
    private static readonly City[] Cities =
    [
        new("New York", "United States", "NY", "100##", "America/New_York"), new("London", "United Kingdom", null, "@@# #@@", "Europe/London"),
        new("Berlin", "Germany", null, "10###", "Europe/Berlin"), new("Paris", "France", null, "750##", "Europe/Paris"),
        new("Tokyo", "Japan", null, "1##-####", "Asia/Tokyo"), new("Sydney", "Australia", "NSW", "20##", "Australia/Sydney"),
        new("Toronto", "Canada", "ON", "M#@ #@#", "America/Toronto"), new("Chicago", "United States", "IL", "606##", "America/Chicago"),
        new("Austin", "United States", "TX", "787##", "America/Chicago"), new("Los Angeles", "United States", "CA", "900##", "America/Los_Angeles"),
        new("Madrid", "Spain", null, "280##", "Europe/Madrid"), new("Amsterdam", "Netherlands", null, "10## @@", "Europe/Amsterdam"),
        new("Dublin", "Ireland", null, "D0# @###", "Europe/Dublin"), new("Stockholm", "Sweden", null, "1## ##", "Europe/Stockholm"),
        new("Mexico City", "Mexico", "CDMX", "06###", "America/Mexico_City"), new("São Paulo", "Brazil", "SP", "01###-###", "America/Sao_Paulo"),
        new("Seattle", "United States", "WA", "981##", "America/Los_Angeles"), new("Melbourne", "Australia", "VIC", "30##", "Australia/Melbourne"),
        new("Vancouver", "Canada", "BC", "V6@ #@#", "America/Vancouver"), new("Nashville", "United States", "TN", "372##", "America/Chicago"),
    ];

    private enum Act { Band, FrontedBand, Singer, Comedian, Ensemble, Dj }

    // Weighted draw; the name pools are sized so 2,000 performers rarely need a numeric suffix.
    private static readonly Act[] Acts = [.. Enumerable.Repeat(Act.Band, 7), Act.FrontedBand, Act.FrontedBand,
        .. Enumerable.Repeat(Act.Singer, 6), Act.Comedian, Act.Comedian, Act.Comedian, Act.Ensemble, Act.Dj];
    private static readonly string[] FirstNames =
        ["Maya", "Leo", "Amara", "Jonas", "Priya", "Mateo", "Freya", "Kenji", "Zoe", "Oskar", "Lucia", "Theo", "Nadia", "Felix", "Ines",
         "Malik", "Hana", "Rafael", "Elsa", "Daniel", "Ada", "Tomas", "Chloe", "Kofi", "Yuki", "Sofia", "Noah", "Clara", "Ivan", "Lena",
         "Omar", "Greta", "Diego", "Aiko", "Luca", "Niamh", "Sami", "Marta", "Jude", "Ayla"];
    private static readonly string[] LastNames =
        ["Lindqvist", "Okafor", "Moreau", "Tanaka", "Reyes", "Kowalski", "Byrne", "Silva", "Novak", "Haddad", "Fischer", "Costa", "Walsh",
         "Nakamura", "Ortega", "Berg", "Adeyemi", "Laurent", "Kim", "Romano", "Park", "Jensen", "Duarte", "Sato", "Murphy", "Vega",
         "Larsen", "Ivanova", "Brooks", "Mendes", "Quinn", "Hoffmann", "Castillo", "Ahmed", "Rossi", "Nilsson", "Chen", "Dubois", "Keane", "Mori"];
    private static readonly string[] Adjectives =
        ["Velvet", "Electric", "Midnight", "Paper", "Golden", "Neon", "Wild", "Silver", "Hollow", "Crimson", "Lunar", "Static", "Broken",
         "Northern", "Glass", "Honey", "Iron", "Violet", "Lucky", "Quiet", "Restless", "Cosmic", "Rusty", "Amber", "Marble", "Secret",
         "Sleepy", "Copper", "Tender", "Savage"];
    private static readonly string[] Nouns =
        ["Foxes", "Lanterns", "Echoes", "Rivers", "Satellites", "Ravens", "Tigers", "Pilots", "Saints", "Wolves", "Strangers", "Comets",
         "Harbors", "Ghosts", "Kites", "Owls", "Arrows", "Dreamers", "Machines", "Sparrows", "Outlaws", "Magnets", "Orchids", "Sailors",
         "Giants", "Shadows", "Pioneers", "Daggers", "Mirrors", "Hounds"];
    private static readonly string[] Genres =
        ["Indie rock", "Synth-pop", "Alt-country", "Post-punk", "Folk rock", "Jazz-funk", "Garage rock", "Dream pop", "Bluegrass", "Soul",
         "Afrobeat", "Hip-hop", "Americana", "Shoegaze", "R&B"];
    private static readonly string[] Ensembles =
        ["Philharmonic", "Symphony Orchestra", "Chamber Orchestra", "String Quartet", "Chamber Choir", "Jazz Orchestra", "Baroque Ensemble"];
    private static readonly string[] ClassicalPrograms =
        ["Beethoven's Ninth", "Mahler 5", "Vivaldi's Four Seasons", "Mozart by Candlelight", "Film Music Gala", "Tchaikovsky Spectacular",
         "Rachmaninoff Piano Concerto No. 2", "Brahms & Schumann", "New Year's Gala"];
    private static readonly string[] ComedyShows =
        ["Work in Progress", "No Notes", "Overthinking It", "Small Talk", "Mostly Harmless", "Plan B", "Late Bloomer", "Bad Influence"];
    private static readonly string[] TourWords = ["Endless", "After Hours", "Golden Hour", "Wide Awake", "Slow Burn", "Afterglow", "Night Drive", "Homecoming"];
    private static readonly string[] Festivals = ["Music Festival", "Live Sessions", "Jazz Weekend", "Sound Weekender", "Folk Gathering", "Late Night Showcase"];
    private static readonly string[] Landmarks =
        ["Roundhouse", "Foundry", "Paramount", "Orpheum", "Lyric", "Regent", "Apollo", "Observatory", "Warehouse", "Palladium", "Majestic", "Electric Ballroom"];
    private static readonly string[] Places = ["Riverside", "Harbour", "Northgate", "Parkside", "Union", "Old Mill", "Lakeside", "Kingsway", "Meridian", "Crescent"];
    private static readonly string[] VenueTypes = ["Arena", "Hall", "Theatre", "Pavilion", "Ballroom", "Amphitheatre", "Music Hall", "Playhouse", "Auditorium"];
    private static readonly string[] CivicVenues = ["Symphony Hall", "Concert Hall", "Opera House", "Arena", "Convention Centre", "Comedy Club"];
    private static readonly string[] Colors = ["Blue", "Red", "Green", "Golden", "Silver", "Black", "Copper"];
    private static readonly string[] Things = ["Door", "Lantern", "Note", "Room", "Cat", "Owl", "Anchor"];
    private static readonly string[] Streets = ["Market", "King", "Queen", "Station", "Mill", "Church", "Harbour", "Park", "River", "Victoria", "Bridge", "Elm"];
    private static readonly string[] StreetTypes = ["Street", "Avenue", "Road", "Lane", "Boulevard"];

    // Price bands in US dollars; each currency scales and rounds them to plausible local prices.
    private static readonly (string Section, int Min, int Max)[] Sections =
    [
        ("GA", 25, 60), ("Floor", 60, 150), ("Stalls", 45, 120), ("Mezzanine", 40, 100), ("Balcony", 25, 70), ("Circle", 35, 90),
        ("Lower Bowl", 50, 130), ("Upper Tier", 25, 65), ("VIP", 120, 250),
    ];
    private static readonly int[] StartMinutes = [18 * 60, 18 * 60 + 30, 19 * 60, 19 * 60 + 30, 20 * 60, 20 * 60 + 30, 21 * 60];

    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Venues.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return;
        }
        await admin.EnsureAdministratorAsync(AdminUsername, Password, ct);
        var vendor = await RegisterAsync(VendorUsername, "Dana", "Whitfield", "vendor", ct);
        if (vendor.Status == AccountStatus.PendingApproval)
        {
            var approved = await admin.ApproveVendorAsync(null, vendor.UserId, ct);
            if (!approved.IsSuccess) throw new InvalidOperationException($"Could not approve the demo vendor: {approved.Error.Message}");
        }
        await RegisterAsync(BuyerUsername, "Sam", "Rivera", "individual", ct);
        await RegisterAsync(Buyer2Username, "Jordan", "Okafor", "individual", ct);
        logger.LogInformation("Demo accounts {Admin}, {Vendor} (approved), {Buyer} and {Buyer2} created.",
            AdminUsername, VendorUsername, BuyerUsername, Buyer2Username);
        await GenerateCatalogAsync(vendor.UserId, DemoCatalogSize.Demo, seed: 42, ct);
    }

    /// <summary>
    /// Inserts a catalogue owned by <paramref name="vendorId"/>: the same <paramref name="seed"/> gives the same names,
    /// places, prices and counts (ids and dates follow the clock). Events start at local evening hours over the next year.
    /// </summary>
    public async Task GenerateCatalogAsync(string vendorId, DemoCatalogSize size, int seed, CancellationToken ct)
    {
        var r = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // Ids.New is unique per millisecond only by chance, and thousands are made per millisecond here.
        string NewId()
        {
            string id;
            do id = Ids.New(clock); while (!ids.Add(id));
            return id;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = 0;
        async Task AddAsync(object entity)
        {
            db.Add(entity);
            if (++pending < BatchSize) return;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();   // keeps each batch's change tracking as cheap as the first
            pending = 0;
        }

        var places = Enumerable.Range(0, Math.Max(1, size.Cities)).Select(i =>
        {
            var city = Cities[i % Cities.Length];
            var name = i < Cities.Length ? city.Name : $"{city.Name} {i / Cities.Length + 1}";
            return new Place(city, name, TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone));
        }).ToArray();

        var venues = new List<VenueInfo>(size.Venues);
        var venueNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < size.Venues; i++)
        {
            var place = places[i % places.Length];
            var venue = new Venue
            {
                Id = NewId(), Name = Unique(venueNames, place.Name, () => VenueName(r, place.Name)), StreetAddress = Street(r, place.City.Country),
                City = place.Name, State = place.City.State, Country = place.City.Country, PostalCode = Postal(r, place.City.PostalPattern),
                AddlAddress = r.Next(6) == 0 ? $"Entrance on {Pick(r, Streets)} {Pick(r, StreetTypes)}" : null,
                TimeZone = place.City.TimeZone, CreatedById = vendorId, CreatedAtUtc = now,
            };
            venues.Add(new VenueInfo(venue, place.Zone, CurrencyOf(place.City.Country)));
            await AddAsync(venue);
        }

        var performers = new List<(Performer Performer, Act Kind)>(size.Performers);
        var performerNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < size.Performers; i++)
        {
            var kind = Pick(r, Acts);
            var home = Pick(r, Cities).Name;
            var name = Unique(performerNames, "", () => PerformerName(r, kind));
            var performer = new Performer
            {
                Id = NewId(), Name = name, Description = PerformerDescription(r, kind, home),
                CreatedById = vendorId, CreatedAtUtc = now,
            };
            performers.Add((performer, kind));
            await AddAsync(performer);
        }

        var avg = Math.Max(1, size.TicketsPerLot);
        var (events, lots, tickets) = (0, 0, 0L);
        for (var i = 0; i < size.Events && venues.Count > 0 && performers.Count > 0; i++)
        {
            var (venue, zone, currency) = venues[r.Next(venues.Count)];
            // Stratified over the year so the events are spread evenly rather than clumped by chance.
            var day = TimeZoneInfo.ConvertTimeFromUtc(now.AddDays(2 + (i + r.NextDouble()) * 363.0 / size.Events), zone).Date;
            var local = DateTime.SpecifyKind(day.AddMinutes(Pick(r, StartMinutes)), DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local)) local = local.AddHours(1);
            var start = TimeZoneInfo.ConvertTimeToUtc(local, zone);

            var lineup = performers.Count > 1 && r.Next(7) == 0 ? r.Next(2, Math.Min(3, performers.Count) + 1) : 1;
            var acts = new List<(Performer Performer, Act Kind)>(lineup);
            while (acts.Count < lineup)
            {
                var act = performers[r.Next(performers.Count)];
                if (!acts.Contains(act)) acts.Add(act);
            }
            var headliner = acts[0].Performer;
            var names = acts.Select(a => a.Performer.Name).ToArray();
            var ev = new Event
            {
                Id = NewId(), Currency = currency.Code, VendorId = vendorId, CreatedAtUtc = now,
                StartUtc = start, EndUtc = start.AddMinutes(120 + 15 * r.Next(9)),
                Name = lineup > 1 ? $"{venue.City} {Pick(r, Festivals)} {local.Year}" : $"{headliner.Name} — {ShowTitle(r, acts[0].Kind, venue.City)}",
                Description = lineup > 1
                    ? $"{string.Join(", ", names[..^1])} and {names[^1]} share the stage at {venue.Name}."
                    : r.Next(3) switch
                    {
                        0 => $"An evening with {headliner.Name} at {venue.Name}, {venue.City}.",
                        1 => $"{headliner.Name} live at {venue.Name}, one night only.",
                        _ => $"{venue.Name} welcomes {headliner.Name} back to {venue.City} for one night.",
                    },
            };
            ev.PlaceAt(venue);
            ev.Book(acts.Select(a => a.Performer).ToList());
            await AddAsync(ev);
            events++;

            var sections = Sections.ToArray();
            r.Shuffle(sections);
            for (var l = 0; l < size.LotsPerEvent; l++)
            {
                var (section, min, max) = sections[l % sections.Length];
                var count = r.Next(Math.Max(1, avg / 10), Math.Max(2, 2 * avg - avg / 10 + 1));
                var major = Math.Max(1, (long)Math.Round(r.Next(min, max + 1) * currency.PerUsd / currency.Step)) * currency.Step;
                (lots, tickets) = (lots + 1, tickets + count);
                var lotId = NewId();
                await AddAsync(new TicketLot
                {
                    Id = lotId, EventId = ev.Id, VendorId = vendorId, Section = section, Seat = Seat(r, section, count),
                    Uploaded = count, PriceCents = major * (long)Math.Pow(10, Money.Exponent(currency.Code)),
                    CreatedAtUtc = now, Stock = StockBuckets.Split(lotId, count).ToList(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await figures.RefreshStaleAsync(ct);   // tickets left, prices and capacity of the new events
        logger.LogInformation(
            "Demo catalogue: {Cities} cities, {Venues} venues, {Performers} performers, {Events} events, {Lots} lots, {Tickets} tickets.",
            places.Length, venues.Count, performers.Count, events, lots, tickets);
    }

    private async Task<AccountInfo> RegisterAsync(string username, string first, string last, string userType, CancellationToken ct)
    {
        var result = await accounts.RegisterAsync(new RegisterCommand(username, first, last, Password, userType), ct);
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"Could not create demo account '{username}': {result.Error.Message}");
    }

    private static T Pick<T>(Random r, params ReadOnlySpan<T> items) => items[r.Next(items.Length)];

    private static string Unique(HashSet<string> used, string scope, Func<string> make)
    {
        var name = make();
        for (var tries = 0; tries < 20 && used.Contains($"{scope}|{name}"); tries++) name = make();
        var unique = name;
        for (var n = 2; !used.Add($"{scope}|{unique}"); n++) unique = $"{name} {n}";
        return unique;
    }

    private static Currency CurrencyOf(string country) => country switch
    {
        "United States" => new("USD", 1m, 5), "Canada" => new("CAD", 1.4m, 5), "Mexico" => new("MXN", 18m, 50),
        "Brazil" => new("BRL", 5m, 10), "United Kingdom" => new("GBP", 0.8m, 5), "Japan" => new("JPY", 150m, 500),
        "Australia" => new("AUD", 1.5m, 5), "Sweden" => new("SEK", 10m, 50), _ => new("EUR", 0.9m, 5),
    };

    private static string VenueName(Random r, string city) => r.Next(4) switch
    {
        0 => $"The {Pick(r, Landmarks)}",
        1 => $"{Pick(r, Places)} {Pick(r, VenueTypes)}",
        2 => $"{city} {Pick(r, CivicVenues)}",
        _ => $"{Pick(r, Colors)} {Pick(r, Things)} {Pick(r, "Club", "Lounge", "Jazz Club", "Social")}",
    };

    private static string Street(Random r, string country)
    {
        var n = r.Next(1, 400);
        return country switch
        {
            "Germany" => $"{Pick(r, "Linden", "Friedrich", "Oranien", "Schiller", "Garten")}straße {n}",
            "Netherlands" => $"{Pick(r, "Keizers", "Prinsen", "Heren", "Singel", "Brouwers")}gracht {n}",
            "Sweden" => $"{Pick(r, "Drottning", "Kungs", "Horns", "Gö", "Birger Jarls")}gatan {n}",
            "France" => $"{n} rue {Pick(r, "de Rivoli", "Oberkampf", "de la Roquette", "Saint-Denis", "de Charonne")}",
            "Spain" => $"Calle {Pick(r, "de Alcalá", "Gran Vía", "de Atocha", "Mayor", "de Fuencarral")} {n}",
            "Mexico" => $"{Pick(r, "Av. Reforma", "Calle Madero", "Av. Insurgentes Sur", "Calle Durango")} {n}",
            "Brazil" => $"{Pick(r, "Av. Paulista", "Rua Augusta", "Rua Oscar Freire", "Rua da Consolação")}, {n}",
            "Japan" => $"{Pick(r, "Shibuya", "Minato", "Shinjuku", "Chiyoda", "Meguro")} {r.Next(1, 6)}-{r.Next(1, 30)}-{r.Next(1, 20)}",
            _ => $"{n} {Pick(r, Streets)} {Pick(r, StreetTypes)}",
        };
    }

    private static string Postal(Random r, string pattern) =>
        string.Concat(pattern.Select(c => c switch { '#' => (char)('0' + r.Next(10)), '@' => (char)('A' + r.Next(26)), _ => c }));

    private static string PerformerName(Random r, Act kind) => kind switch
    {
        Act.Band => $"The {Pick(r, Adjectives)} {Pick(r, Nouns)}",
        Act.FrontedBand => $"{Pick(r, FirstNames)} & the {Pick(r, Nouns)}",
        Act.Singer or Act.Comedian => $"{Pick(r, FirstNames)} {Pick(r, LastNames)}",
        Act.Ensemble => $"{Pick(r, Cities).Name} {Pick(r, Ensembles)}",
        _ => r.Next(3) switch
        {
            0 => $"DJ {Pick(r, Adjectives)}",
            1 => $"DJ {Pick(r, FirstNames)}",
            _ => $"{Pick(r, Adjectives)} {Pick(r, "Sound System", "Collective", "Disco Club", "Soundclash")}",
        },
    };

    private static string PerformerDescription(Random r, Act kind, string home) => kind switch
    {
        Act.Band or Act.FrontedBand => $"{Pick(r, Genres)} band from {home}.",
        Act.Singer => $"{Pick(r, Genres)} singer-songwriter from {home}.",
        Act.Comedian => $"Stand-up comedian from {home}.",
        Act.Ensemble => "Classical ensemble with a season of orchestral and chamber concerts.",
        _ => $"{Pick(r, "House", "Techno", "Disco", "Drum & bass", "Afro house")} DJ and producer from {home}.",
    };

    private static string ShowTitle(Random r, Act kind, string city) => kind switch
    {
        Act.Comedian => $"{Pick(r, ComedyShows)} Tour",
        Act.Ensemble => Pick(r, ClassicalPrograms),
        _ => r.Next(4) == 0 ? $"Live in {city}" : $"{Pick(r, TourWords)} Tour",
    };

    private static string Seat(Random r, string section, int count)
    {
        if (section is "GA" or "Floor") return section == "GA" ? "GA" : "Standing";
        var row = (char)('A' + r.Next(20));
        if (count <= 30) return $"{row}1-{row}{count}";
        var last = (char)Math.Min('Z', row + count / 25);
        return last == row ? $"Row {row}" : $"Rows {row}-{last}";
    }
}
