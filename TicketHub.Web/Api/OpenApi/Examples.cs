using System.Text.Json.Nodes;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>One example request body and one example answer per operation, as the document shows them.</summary>
internal static class Examples
{
    public static JsonNode? Request(string operationId) => RequestBodies.TryGetValue(operationId, out var json) ? JsonNode.Parse(json) : null;

    public static JsonNode? Response(string operationId) => Responses.TryGetValue(operationId, out var json) ? JsonNode.Parse(json) : null;

    private static readonly Dictionary<string, string> RequestBodies = new()
    {
        ["create-user"] = """{"username":"jo.buyer","firstName":"Jo","lastName":"Doe","password":"correct-horse-battery","userType":"individual"}""",
        ["login"] = """{"username":"jo.buyer","password":"correct-horse-battery"}""",
        ["add-venue"] = """{"name":"Riverside Arena","streetAddress":"1 Main St","city":"Austin","state":"TX","country":"United States","postalCode":"78701","timeZone":"America/Chicago"}""",
        ["add-performer"] = """{"name":"The Night Owls","description":"Indie rock from Austin"}""",
        ["add-event"] = """{"venueId":"01jd4x7k2m9qtr","name":"Summer Night","description":"An evening of music","startTime":"2027-06-01T19:30:00Z","endTime":"2027-06-01T22:30:00Z","currency":"USD","performerIds":["01jd4x7p0c3hwa"]}""",
        ["add-performer-to-event"] = """{"performerId":"01jd4x7p0c3hwa","eventId":"01jd4x8a5t6ykb"}""",
        ["upload-ticket"] = """{"eventId":"01jd4x8a5t6ykb","count":200,"section":"Floor","seat":"GA","price":45.5}""",
        ["buy-ticket"] = """{"ticketId":"01jd4x9c1d2efg","count":2}""",
        ["sell-ticket"] = """{"ticketId":"01jd4x9c1d2efg","count":1,"price":40}""",
        ["check-in"] = """{"eventId":"01jd4x8a5t6ykb","code":"VA4wMWpkNHhjN3E4cjl0djQOMDFqZDR4OGE1dDZ5a2IOMDFqZDR4NmgydzNwcW0AAAAB3q2-7w"}""",
    };

    private static readonly Dictionary<string, string> Responses = new()
    {
        ["create-user"] = """{"username":"jo.buyer","userType":"individual"}""",
        ["login"] = """{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl","expiresAt":"2027-05-01T13:00:00Z","username":"jo.buyer","userType":"individual"}""",
        ["add-venue"] = """{"id":"01jd4x7k2m9qtr"}""",
        ["add-performer"] = """{"id":"01jd4x7p0c3hwa"}""",
        ["add-event"] = """{"id":"01jd4x8a5t6ykb"}""",
        ["add-performer-to-event"] = """{}""",
        ["upload-ticket"] = """{"id":"01jd4x9c1d2efg"}""",
        ["view-venues"] = """[{"id":"01jd4x7k2m9qtr","name":"Riverside Arena","streetAddress":"1 Main St","city":"Austin","state":"TX","country":"United States","postalCode":"78701","addlAddress":null,"timeZone":"America/Chicago"}]""",
        ["view-events"] = """[{"id":"01jd4x8a5t6ykb","name":"Summer Night","description":"An evening of music","startTime":"2027-06-01T19:30:00Z","endTime":"2027-06-01T22:30:00Z","currency":"USD","venue":{"id":"01jd4x7k2m9qtr","name":"Riverside Arena","city":"Austin","state":"TX","country":"United States","postalCode":"78701","timeZone":"America/Chicago"},"performers":[{"id":"01jd4x7p0c3hwa","name":"The Night Owls"}],"minPrice":40,"available":199,"capacity":200,"sellingFast":false,"soldOut":false}]""",
        ["view-listings"] = """{"eventId":"01jd4x8a5t6ykb","currency":"USD","primary":[{"ticketId":"01jd4x9c1d2efg","section":"Floor","seat":"GA","available":197,"price":45.5}],"resale":[{"listingId":"01jd4xb3n8p2rs","ticketId":"01jd4x9c1d2efg","section":"Floor","seat":"GA","count":1,"price":40}]}""",
        ["remove-ticket"] = """{"ticketId":"01jd4x9c1d2efg","removed":50,"remaining":147}""",
        ["buy-ticket"] = """{"orderId":"01jd4xa0w4z5mn","ticketId":"01jd4x9c1d2efg","listingId":null,"count":2,"amount":91,"currency":"USD","status":"paid"}""",
        ["sell-ticket"] = """{"listingId":"01jd4xb3n8p2rs","ticketId":"01jd4x9c1d2efg","count":1,"price":40}""",
        ["cancel-listing"] = """{"listingId":"01jd4xb3n8p2rs","returned":1}""",
        ["view-e-tickets"] = """[{"unitId":"01jd4xc7q8r9tv","eventId":"01jd4x8a5t6ykb","eventName":"Summer Night","startTime":"2027-06-01T19:30:00Z","venueName":"Riverside Arena","timeZone":"America/Chicago","section":"Floor","seat":"GA","generation":1,"code":"VA4wMWpkNHhjN3E4cjl0djQOMDFqZDR4OGE1dDZ5a2IOMDFqZDR4NmgydzNwcW0AAAAB3q2-7w","checkedInAt":null}]""",
        ["check-in"] = """{"verdict":"valid","unitId":"01jd4xc7q8r9tv","section":"Floor","seat":"GA","checkedInAt":"2027-06-01T18:45:12Z","entered":127}""",
        ["view-revoked-codes"] = """{"eventId":"01jd4x8a5t6ykb","generatedAt":"2027-06-01T18:00:00Z","revoked":[{"unitId":"01jd4xc7q8r9tv","revokedBelow":2}]}""",
        ["join-queue"] = """{"eventId":"01jd4x8a5t6ykb","status":"waiting","position":1520,"waiting":4210,"opensAt":"2027-05-01T10:00:00Z","pass":null,"passExpiresAt":null}""",
        ["view-orders"] = """[{"orderId":"01jd4xa0w4z5mn","eventId":"01jd4x8a5t6ykb","eventName":"Summer Night","startTime":"2027-06-01T19:30:00Z","venueName":"Riverside Arena","ticketId":"01jd4x9c1d2efg","listingId":null,"section":"Floor","seat":"GA","count":2,"unitPrice":45.5,"amount":91,"currency":"USD","status":"paid","createdAt":"2027-05-01T12:00:00Z","updatedAt":"2027-05-01T12:00:01Z","failureCode":null}]""",
        ["view-order"] = """{"orderId":"01jd4xa0w4z5mn","eventId":"01jd4x8a5t6ykb","eventName":"Summer Night","startTime":"2027-06-01T19:30:00Z","venueName":"Riverside Arena","ticketId":"01jd4x9c1d2efg","listingId":null,"section":"Floor","seat":"GA","count":2,"unitPrice":45.5,"amount":91,"currency":"USD","status":"pending","createdAt":"2027-05-01T12:00:00Z","updatedAt":"2027-05-01T12:00:00Z","failureCode":null}""",
    };
}
