using System.Text;
using System.Text.Json.Nodes;

namespace TicketHub.Tests.Security;

/// <summary>Who sends a request: the route's own audience, so that it gets past authorisation to the input checks.</summary>
public enum Sender { Anyone, Individual, Vendor }

/// <summary>One request that docs/api.md rules out, and the one thing (or few things) wrong with it.</summary>
public sealed record Malformed(
    string Operation, string Defect, HttpMethod Method, string PathAndQuery, Sender Sender,
    byte[]? Body = null, string? ContentType = null, IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, PathAndQuery);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        return $"{Method} {Shorten(PathAndQuery)} [{Defect}]{(body.Length > 0 ? " " + Shorten(body) : "")}";
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}… ({text.Length} chars)";
}

/// <summary>The ids of a small marketplace the requests aim at, so each one is wrong in its defect alone.</summary>
public sealed record Targets(
    string Username, string VenueId, string PerformerId, string EventId, string LotId, string ListingId, string OrderId, DateTimeOffset FutureStart);

/// <summary>
/// Generates requests that docs/api.md (and the OpenAPI document) refuse: per route and per member, every way a
/// value can be wrong (type, null, absence, range, length past its column, control characters, unpaired surrogates,
/// injection strings where they name nothing or are too long), malformed and deeply nested JSON, wrong content types,
/// bad query strings and headers, and random mixes of those. The same seed gives the same requests.
/// </summary>
public static partial class MalformedRequests
{
    // Text as attackers and careless clients send it. Each is wrong only where it names nothing or is too long.
    public static readonly string[] Injections =
    [
        "' OR '1'='1", "1; DROP TABLE \"Venues\"; --", "\" OR \"\"=\"", "admin'--", "%' OR 1=1 --", "') UNION SELECT * FROM \"AspNetUsers\" --",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x}",
        "%00", "../../etc/passwd", "*", "%", "_",
    ];

    private static readonly string[] ControlText = ["a\u0000b", "\u0007bell", "esc\u001b[2J", "del\u007f", "nel\u0085", "\u0001\u0002\u0003"];

    // JSON escapes of unpaired UTF-16 surrogates: valid JSON syntax, but text no database can store.
    private static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"x\\udc00y\"", "\"\\udfff\\ud800\""];

    private static readonly JsonNode?[] WrongTypesForText = [42, 1.5, true, false, new JsonArray(), new JsonObject(), new JsonArray("a"), new JsonObject { ["a"] = 1 }];
    private static readonly JsonNode?[] WrongTypesForNumber = ["1", "one", "", true, false, new JsonArray(), new JsonObject(), new JsonArray(1)];

    private abstract record Member(string Name, bool Required);
    private sealed record Text(string Name, bool Required, int MaxLength) : Member(Name, Required);
    private sealed record Id(string Name, bool Required) : Member(Name, Required);
    private sealed record Integer(string Name, bool Required, long Min, long? Max) : Member(Name, Required);
    private sealed record Amount(string Name, bool Required) : Member(Name, Required);
    private sealed record Time(string Name, bool Required) : Member(Name, Required);
    private sealed record Choice(string Name, bool Required, string[] Wrong) : Member(Name, Required);
    private sealed record IdList(string Name) : Member(Name, false);

    private sealed record BodyRoute(string Operation, HttpMethod Method, string Path, Sender Sender, JsonObject Template, Member[] Members);

    private sealed record Parameter(string Name, bool Required, string[] Wrong);

    private sealed record QueryRoute(string Operation, string Path, Sender Sender, (string Name, string Value)[] Template, Parameter[] Parameters);

    public static IReadOnlyList<Malformed> Generate(Targets t, int seed, int randomMixes)
    {
        var all = new List<Malformed>();
        var bodies = BodyRoutes(t);
        foreach (var route in bodies)
        {
            all.AddRange(Structural(route));
            all.AddRange(ContentTypes(route));
            foreach (var member in route.Members)
                foreach (var (defect, value) in Wrong(member))
                    all.Add(WithMember(route, member.Name, defect, value));
        }
        all.AddRange(IdempotencyKeys(bodies.Single(b => b.Operation == "buy-ticket")));
        foreach (var route in QueryRoutes(t))
            foreach (var parameter in route.Parameters)
            {
                if (parameter.Required) all.Add(Query(route, $"{parameter.Name} missing", route.Template.Where(p => p.Name != parameter.Name)));
                foreach (var value in parameter.Wrong)
                    all.Add(Query(route, $"{parameter.Name}={Describe(value)}", route.Template.Where(p => p.Name != parameter.Name).Append((parameter.Name, value))));
                all.Add(Query(route, $"{parameter.Name} twice", route.Template.Where(p => p.Name != parameter.Name)
                    .Append((parameter.Name, parameter.Wrong[0])).Append((parameter.Name, parameter.Wrong[^1]))));
            }
        all.AddRange(BadTokens(bodies, QueryRoutes(t)));
        all.AddRange(RandomMixes(bodies, new Random(seed), randomMixes));
        return all;
    }

    // ---- Routes, their valid templates and their members ----

    private static List<BodyRoute> BodyRoutes(Targets t)
    {
        var start = t.FutureStart.ToString("O");
        var end = t.FutureStart.AddHours(3).ToString("O");
        return
        [
            new("create-user", HttpMethod.Put, "/api/users/create-user", Sender.Anyone,
                new JsonObject { ["username"] = "newcomer1", ["firstName"] = "New", ["lastName"] = "Comer", ["password"] = "correct-horse-1", ["userType"] = "individual" },
                [new Choice("username", true, ["ab", "sixteen-chars-xx", "has space", "名前です", t.Username, t.Username.ToUpperInvariant(), "<b>x</b>", "' OR 1=1--", "a\u0000b"]),
                 new Text("firstName", true, 255), new Text("lastName", true, 255),
                 new Choice("password", true, ["short-pass1", new string('p', 129), "password1234", "newcomer1", "", "           "]),
                 new Choice("userType", true, ["admin", "Admin", "", "vendors", "individual ", "root"])]),
            new("login", HttpMethod.Post, "/api/users/login", Sender.Anyone,
                new JsonObject { ["username"] = t.Username, ["password"] = "correct-horse-1" },
                [new Choice("username", true, ["", "sixteen-chars-xx", "a\u0000b", "' OR '1'='1", "<script>", new string('u', 10_000)]),
                 new Choice("password", true, ["", new string('p', 129), new string('p', 100_000)])]),
            new("add-venue", HttpMethod.Put, "/api/tickets/add-venue", Sender.Vendor,
                new JsonObject { ["name"] = "Bad Input Hall", ["streetAddress"] = "1 Main St", ["city"] = "Austin", ["state"] = "TX", ["country"] = "United States", ["postalCode"] = "78701", ["addlAddress"] = null, ["timeZone"] = "America/Chicago" },
                [new Text("name", true, 255), new Text("streetAddress", true, 255), new Text("city", true, 255), new Text("state", false, 255),
                 new Text("country", true, 255), new Text("postalCode", false, 15), new Text("addlAddress", false, 255),
                 new Choice("timeZone", false, ["Mars/Olympus_Mons", "UTC+25", "../../etc/passwd", "America/Chicago\u0000", new string('z', 65)])]),
            new("add-performer", HttpMethod.Put, "/api/tickets/add-performer", Sender.Vendor,
                new JsonObject { ["name"] = "Bad Input Band", ["description"] = "Loud" },
                [new Text("name", true, 255), new Text("description", false, 511)]),
            new("add-event", HttpMethod.Put, "/api/tickets/add-event", Sender.Vendor,
                new JsonObject { ["venueId"] = t.VenueId, ["name"] = "Bad Input Night", ["description"] = "Noise", ["startTime"] = start, ["endTime"] = end, ["currency"] = "EUR", ["performerIds"] = new JsonArray(t.PerformerId) },
                [new Id("venueId", true), new Text("name", true, 255), new Text("description", false, 2000), new Time("startTime", true), new Time("endTime", true),
                 new Choice("currency", false, ["US", "USDD", "XXX", "€€€", "U$D", "BTC", "usd\u0000"]), new IdList("performerIds")]),
            new("add-performer-to-event", HttpMethod.Put, "/api/tickets/add-performer-to-event", Sender.Vendor,
                new JsonObject { ["performerId"] = t.PerformerId, ["eventId"] = t.EventId },
                [new Id("performerId", true), new Id("eventId", true)]),
            new("upload-ticket", HttpMethod.Put, "/api/tickets/upload-ticket", Sender.Vendor,
                new JsonObject { ["eventId"] = t.EventId, ["count"] = 10, ["section"] = "Floor", ["seat"] = "GA", ["price"] = 25.5 },
                [new Id("eventId", true), new Integer("count", true, 1, 100_000), new Text("section", false, 15), new Text("seat", true, 15), new Amount("price", true)]),
            new("buy-ticket", HttpMethod.Post, "/api/tickets/buy-ticket", Sender.Individual,
                new JsonObject { ["ticketId"] = t.LotId, ["count"] = 1, ["listingId"] = null, ["paymentMethod"] = "pm_card_visa" },
                [new Id("ticketId", true), new Integer("count", true, 1, 10), new Id("listingId", false),
                 new Choice("paymentMethod", false, [new string('m', 65), "pm_card_visa\u0000", "\u0007"])]),
            new("sell-ticket", HttpMethod.Post, "/api/tickets/sell-ticket", Sender.Individual,
                new JsonObject { ["ticketId"] = t.LotId, ["count"] = 1, ["price"] = 10 },
                [new Id("ticketId", true), new Integer("count", true, 1, 2), new Amount("price", false)]),
        ];
    }

    private static readonly string[] WrongPage = ["0", "-1", "abc", "1.5", "2147483648", "99999999999999999999", "1000001", "1e3", "0x10", "", " ", "%00", "١"];
    private static readonly string[] WrongPageSize = ["0", "-5", "201", "1000000", "abc", "2.5", "2147483648", "", "%00"];
    private static readonly string[] WrongCount = ["0", "-1", "abc", "1.5", "2147483648", "", "1e2", "%00"];

    private static string[] WrongFilter(int maxLength) =>
        [new string('f', maxLength + 1), new string('f', 10_000), "a%00b", "%07", "%1B%5B2J", Uri.EscapeDataString(string.Concat(Enumerable.Repeat("𝄞", maxLength + 1))),
         .. Injections.Take(4).Select(i => Uri.EscapeDataString(i.PadRight(maxLength + 1, '-')))];

    private static string[] WrongRequiredId() =>
        ["", "%20", "nosuchid000001", new string('i', 16), new string('i', 10_000), "a%00b", "%7F", .. Injections.Where(i => i.Length <= 15).Select(Uri.EscapeDataString)];

    private static readonly string[] WrongTime =
        ["not-a-date", "2027-02-30T19:00:00Z", "2027-13-01T00:00:00Z", "10000-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00%2B14:00",
         "2027-06-01T19:30:00%2B25:00", "%00", new string('9', 5_000)];

    private static List<QueryRoute> QueryRoutes(Targets t)
    {
        Parameter Page() => new("page", false, WrongPage);
        Parameter PageSize() => new("page-size", false, WrongPageSize);
        return
        [
            new("view-venues", "/api/tickets/view-venues", Sender.Individual, [("page", "1"), ("page-size", "10")],
                [new("name", false, WrongFilter(255)), new("city", false, WrongFilter(255)), new("state", false, WrongFilter(255)),
                 new("country", false, WrongFilter(255)), new("postal-code", false, WrongFilter(15)), Page(), PageSize()]),
            new("view-events", "/api/tickets/view-events", Sender.Individual, [("page", "1"), ("page-size", "10")],
                [new("venue-id", false, WrongFilter(15)), new("performer-id", false, WrongFilter(15)), new("start_time", false, WrongTime),
                 new("end_time", false, WrongTime), new("city", false, WrongFilter(255)), new("state", false, WrongFilter(255)),
                 new("country", false, WrongFilter(255)), new("postal-code", false, WrongFilter(15)), Page(), PageSize()]),
            new("view-listings", "/api/tickets/view-listings", Sender.Individual, [("event-id", t.EventId)], [new("event-id", true, WrongRequiredId())]),
            new("remove-ticket", "/api/tickets/remove-ticket", Sender.Vendor, [("ticket-id", t.LotId), ("count", "1")],
                [new("ticket-id", true, WrongRequiredId()), new("count", false, WrongCount)]),
            new("cancel-listing", "/api/tickets/cancel-listing", Sender.Individual, [("listing-id", t.ListingId)], [new("listing-id", true, WrongRequiredId())]),
            new("view-orders", "/api/tickets/view-orders", Sender.Individual, [("page", "1")], [Page(), PageSize()]),
            new("view-order", "/api/tickets/view-order", Sender.Individual, [("order-id", t.OrderId)], [new("order-id", true, WrongRequiredId())]),
        ];
    }

    // ---- What is wrong with one member ----

    private static IEnumerable<(string Defect, string Json)> Wrong(Member member)
    {
        if (member.Required)
        {
            yield return ("missing", Missing);
            yield return ("null", "null");
        }
        var wrongTypes = member is Integer or Amount ? WrongTypesForNumber : WrongTypesForText;
        foreach (var node in wrongTypes)
            if (!(member is IdList && node is JsonArray { Count: 0 }))
                yield return ($"wrong type {Describe(node?.ToJsonString() ?? "null")}", node?.ToJsonString() ?? "null");

        switch (member)
        {
            case Text text:
                if (text.Required) foreach (var blank in new[] { "", "   ", "\t\n" }) yield return ($"blank {Describe(blank)}", Quote(blank));
                foreach (var (defect, value) in TooLong(text.MaxLength)) yield return (defect, Quote(value));
                foreach (var value in ControlText) yield return ($"control character {Describe(value)}", Quote(value));
                foreach (var json in LoneSurrogates) yield return ($"unpaired surrogate {json}", json);
                break;
            case Id id:
                if (id.Required)
                {
                    foreach (var blank in new[] { "", "   " }) yield return ($"blank {Describe(blank)}", Quote(blank));
                    yield return ("names nothing", Quote("nosuchid000001"));
                    foreach (var injection in Injections.Where(i => i.Length <= 15)) yield return ($"injection {injection}", Quote(injection));
                }
                yield return ("16 characters", Quote(new string('i', 16)));
                yield return ("10,000 characters", Quote(new string('i', 10_000)));
                foreach (var value in ControlText.Take(3)) yield return ($"control character {Describe(value)}", Quote(value));
                foreach (var json in LoneSurrogates.Take(2)) yield return ($"unpaired surrogate {json}", json);
                break;
            case Integer integer:
                foreach (var value in new[] { integer.Min - 1, -1, int.MinValue, (long)int.MaxValue + 1, long.MaxValue }.Where(v => v < integer.Min || v > int.MaxValue))
                    yield return ($"out of range {value}", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (integer.Max is { } max) yield return ($"above {max}", (max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var json in new[] { "1.5", "0.5", "1e30", "-1e30", "9223372036854775808", "1E400", "18446744073709551616" })
                    yield return ($"not an int32 {json}", json);
                break;
            case Amount:
                foreach (var json in new[] { "-0.01", "-1", "-1e30", "0.001", "12.345", "1e28", "79228162514264337593543950335", "79228162514264337593543950336", "1e30", "1E400", "123456789012.12" })
                    yield return ($"amount {json}", json);
                break;
            case Time:
                foreach (var value in new[] { "", "not a date", "2027-02-30T19:00:00Z", "2027-13-01T00:00:00Z", "2027-06-01T24:00:01Z", "10000-01-01T00:00:00Z",
                                              "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                              "2027-06-01T19:30:00+25:00", "2000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", new string('9', 5_000) })
                    yield return ($"time {Describe(value)}", Quote(value));
                yield return ("time as a number", "1767225600");
                break;
            case Choice choice:
                foreach (var value in choice.Wrong) yield return ($"not allowed {Describe(value)}", Quote(value));
                break;
            case IdList:
                yield return ("null item", "[null]");
                yield return ("nested array", "[[]]");
                yield return ("number item", "[42]");
                yield return ("unknown id", "[\"nosuchid000001\"]");
                yield return ("51 ids", new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode?)$"nosuchid{i:000000}").ToArray()).ToJsonString());
                yield return ("10,000 ids", new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)$"x{i}").ToArray()).ToJsonString());
                yield return ("16-character id", $"[\"{new string('i', 16)}\"]");
                yield return ("control character id", "[\"a\\u0000b\"]");
                yield return ("unpaired surrogate id", "[\"\\ud800\"]");
                foreach (var injection in Injections.Where(i => i.Length <= 15).Take(4)) yield return ($"injection id {injection}", new JsonArray(injection).ToJsonString());
                break;
        }
    }

    private const string Missing = "<missing>";

    private static IEnumerable<(string Defect, string Value)> TooLong(int maxLength)
    {
        yield return ($"{maxLength + 1} characters", new string('x', maxLength + 1));
        yield return ($"{maxLength * 10} characters", new string('x', maxLength * 10));
        yield return ("100,000 characters", new string('x', 100_000));
        yield return ($"{maxLength + 1} non-BMP characters", string.Concat(Enumerable.Repeat("𝄞", maxLength + 1)));
        yield return ($"{maxLength + 1} characters padded with spaces inside", "a" + new string(' ', maxLength - 1) + "zz");
        foreach (var injection in Injections.Take(8)) yield return ($"too long injection {injection}", injection.PadRight(maxLength + 1, '-'));
    }

    // ---- Whole-body defects ----

    private static IEnumerable<Malformed> Structural(BodyRoute route)
    {
        var template = route.Template.ToJsonString();
        var raw = new (string Defect, byte[] Body)[]
        {
            ("empty body", []),
            ("whitespace body", "   "u8.ToArray()),
            ("truncated JSON", Encoding.UTF8.GetBytes(template[..(template.Length / 2)])),
            ("unclosed object", "{"u8.ToArray()),
            ("closing brace only", "}"u8.ToArray()),
            ("member without value", "{\"name\":}"u8.ToArray()),
            ("trailing comma", Encoding.UTF8.GetBytes(template.TrimEnd('}') + ",}")),
            ("single quotes", Encoding.UTF8.GetBytes(template.Replace('"', '\''))),
            ("unquoted names", Encoding.UTF8.GetBytes(template.Replace("\"", ""))),
            ("comment", Encoding.UTF8.GetBytes("/* c */" + template)),
            ("trailing garbage", Encoding.UTF8.GetBytes(template + "x")),
            ("two objects", Encoding.UTF8.GetBytes(template + template)),
            ("NaN", "{\"count\":NaN,\"price\":NaN}"u8.ToArray()),
            ("Infinity", "{\"count\":Infinity}"u8.ToArray()),
            ("null", "null"u8.ToArray()),
            ("true", "true"u8.ToArray()),
            ("a number", "42"u8.ToArray()),
            ("a string", "\"text\""u8.ToArray()),
            ("an array", Encoding.UTF8.GetBytes($"[{template}]")),
            ("empty object", "{}"u8.ToArray()),
            ("invalid UTF-8", [.. "{\"name\":\""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]),
            ("NUL byte", [.. "{\"name\":\"a"u8, 0x00, .. "\"}"u8]),
            ("raw control character in a string", Encoding.UTF8.GetBytes("{\"name\":\"a\u0001b\"}")),
            ("UTF-16 body", Encoding.Unicode.GetBytes(template)),
            ("number with 10,000 digits", Encoding.UTF8.GetBytes("{\"count\":1" + new string('0', 10_000) + "}")),
            ("nested 65 deep", Encoding.UTF8.GetBytes(Nested(65))),
            ("nested 1,000 deep", Encoding.UTF8.GetBytes(Nested(1_000))),
            ("arrays nested 100,000 deep", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000))),
            ("member nested 200 deep", Encoding.UTF8.GetBytes(template.TrimEnd('}') + ",\"extra\":" + Nested(200) + "}")),
            ("escaped nonsense", "{\"name\":\"\\x41\\q\"}"u8.ToArray()),
        };
        return raw.Select(r => new Malformed(route.Operation, r.Defect, route.Method, route.Path, route.Sender, r.Body, "application/json"));
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static IEnumerable<Malformed> ContentTypes(BodyRoute route)
    {
        var json = Encoding.UTF8.GetBytes(route.Template.ToJsonString());
        var types = new (string? ContentType, byte[] Body)[]
        {
            ("text/plain", json),
            ("application/xml", Encoding.UTF8.GetBytes("<venue><name>x</name></venue>")),
            ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("name=x&count=1")),
            ("multipart/form-data; boundary=b", Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n")),
            (null, json),
            ("application/jsonx", json),
            ("text/json; charset=ebcdic", json),
            ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        };
        return types.Select(t => new Malformed(route.Operation, $"content type {t.ContentType ?? "none"}", route.Method, route.Path, route.Sender, t.Body, t.ContentType));
    }

    private static IEnumerable<Malformed> IdempotencyKeys(BodyRoute buy)
    {
        var body = Encoding.UTF8.GetBytes(buy.Template.ToJsonString());
        foreach (var key in new[] { new string('k', 129), new string('k', 1_000), new string('k', 16_000) })
            yield return new Malformed(buy.Operation, $"Idempotency-Key of {key.Length} characters", buy.Method, buy.Path, buy.Sender, body, "application/json",
                [("Idempotency-Key", key)]);
    }

    private static IEnumerable<Malformed> BadTokens(IEnumerable<BodyRoute> bodies, IEnumerable<QueryRoute> queries)
    {
        string[] authorizations = ["Bearer", "Bearer ", "Basic dXNlcjpwYXNzd29yZA==", "Bearer not.a.jwt", "Bearer " + new string('a', 8_000), "Token abc", "bearer eyJ"];
        var routes = bodies.Where(b => b.Sender != Sender.Anyone)
            .Select(b => (b.Operation, b.Method, Path: b.Path, Body: (byte[]?)Encoding.UTF8.GetBytes(b.Template.ToJsonString())))
            .Concat(queries.Select(q => (q.Operation, Method: MethodOf(q.Operation), Path: PathWith(q.Path, q.Template), Body: (byte[]?)null)))
            .Append(("view-tickets", HttpMethod.Get, "/api/tickets/view-tickets", null));
        foreach (var route in routes)
            foreach (var authorization in authorizations)
                yield return new Malformed(route.Operation, $"Authorization: {Describe(authorization)}", route.Method, route.Path, Sender.Anyone, route.Body,
                    route.Body is null ? null : "application/json", [("Authorization", authorization)]);
    }

    // Two or three defects at once, of different members: the answer must still be one 4xx, and nothing written.
    private static IEnumerable<Malformed> RandomMixes(IReadOnlyList<BodyRoute> routes, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var route = routes[random.Next(routes.Count)];
            var members = route.Members.OrderBy(_ => random.Next()).Take(Math.Min(route.Members.Length, random.Next(2, 4))).ToList();
            var body = (JsonObject)route.Template.DeepClone();
            var defects = new List<string>();
            foreach (var member in members)
            {
                var choices = Wrong(member).ToList();
                var (defect, json) = choices[random.Next(choices.Count)];
                Set(body, member.Name, json);
                defects.Add($"{member.Name} {defect}");
            }
            yield return new Malformed(route.Operation, string.Join(" + ", defects), route.Method, route.Path, route.Sender, Render(body), "application/json");
        }
    }

    // ---- Helpers ----

    private static Malformed WithMember(BodyRoute route, string member, string defect, string json)
    {
        var body = (JsonObject)route.Template.DeepClone();
        Set(body, member, json);
        return new Malformed(route.Operation, $"{member} {defect}", route.Method, route.Path, route.Sender, Render(body), "application/json");
    }

    // Unpaired surrogates cannot pass through JsonNode: the member holds a placeholder naming the JSON text to put there.
    private const string RawPrefix = "@@raw-json:";

    private static void Set(JsonObject body, string member, string json)
    {
        if (json == Missing) body.Remove(member);
        else body[member] = json.Contains("\\ud", StringComparison.OrdinalIgnoreCase)
            ? RawPrefix + Convert.ToHexString(Encoding.UTF8.GetBytes(json)) + "@@"
            : JsonNode.Parse(json);
    }

    private static byte[] Render(JsonObject body) => Encoding.UTF8.GetBytes(RawJson().Replace(body.ToJsonString(),
        m => Encoding.UTF8.GetString(Convert.FromHexString(m.Groups[1].Value))));

    [System.Text.RegularExpressions.GeneratedRegex("\"@@raw-json:([0-9A-F]+)@@\"")]
    private static partial System.Text.RegularExpressions.Regex RawJson();

    private static Malformed Query(QueryRoute route, string defect, IEnumerable<(string Name, string Value)> parameters) =>
        new(route.Operation, defect, MethodOf(route.Operation), PathWith(route.Path, parameters), route.Sender);

    // Values are used as written: the wrong ones are already percent-encoded where they need to be.
    private static string PathWith(string path, IEnumerable<(string Name, string Value)> parameters) =>
        $"{path}?{string.Join("&", parameters.Select(p => $"{p.Name}={p.Value}"))}";

    private static HttpMethod MethodOf(string operation) => operation is "remove-ticket" or "cancel-listing" ? HttpMethod.Delete : HttpMethod.Get;

    private static string Quote(string value) => JsonValue.Create(value).ToJsonString();

    private static string Describe(string value) => value.Length > 24 ? $"\"{value[..12]}…\" ({value.Length} chars)" : $"\"{value}\"";
}
