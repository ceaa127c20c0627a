using Microsoft.EntityFrameworkCore.Migrations;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Data.Migrations;

/// <summary>
/// Fills what the BrowseFigures migration adds to the events that exist already: the keys of venues, performers and
/// event names made again by today's TextKey rule, then each event's copy of its venue's keys and time zone, its lineup
/// and its figures (what EventFigures computes). Shared by both providers' migration; only the key function and the
/// JSON aggregate differ.
/// </summary>
internal static class BrowseFiguresBackfill
{
    public static void Sqlite(MigrationBuilder m) => Fill(m, column => $"{TextKey.SqliteFunction}({column})", """
        COALESCE((SELECT json_group_array(json_object('Id', x."PerformerId", 'Name', x."Name")) FROM (
            SELECT p."PerformerId", f."Name" FROM "Performances" p JOIN "Performers" f ON f."Id" = p."PerformerId"
            WHERE p."EventId" = "Events"."Id" ORDER BY f."NameKey", f."Id") x), '[]')
        """);

    public static void Postgres(MigrationBuilder m) => Fill(m, TextKey.PostgresSql, """
        COALESCE((SELECT json_agg(json_build_object('Id', p."PerformerId", 'Name', f."Name") ORDER BY f."NameKey" COLLATE "C", f."Id" COLLATE "C")::text
            FROM "Performances" p JOIN "Performers" f ON f."Id" = p."PerformerId" WHERE p."EventId" = "Events"."Id"), '[]')
        """);

    private static void Fill(MigrationBuilder m, Func<string, string> key, string lineup)
    {
        m.Sql($"""
            UPDATE "Venues" SET "NameKey" = {key("\"Name\"")}, "CityKey" = {key("\"City\"")}, "StateKey" = {key("\"State\"")},
                "CountryKey" = {key("\"Country\"")}, "PostalCodeKey" = {key("\"PostalCode\"")}
            """);
        m.Sql($"""UPDATE "Performers" SET "NameKey" = {key("\"Name\"")}""");
        m.Sql($"""
            UPDATE "Events" SET "NameKey" = {key("\"Name\"")},
                "CityKey" = (SELECT v."CityKey" FROM "Venues" v WHERE v."Id" = "Events"."VenueId"),
                "StateKey" = (SELECT v."StateKey" FROM "Venues" v WHERE v."Id" = "Events"."VenueId"),
                "CountryKey" = (SELECT v."CountryKey" FROM "Venues" v WHERE v."Id" = "Events"."VenueId"),
                "PostalCodeKey" = (SELECT v."PostalCodeKey" FROM "Venues" v WHERE v."Id" = "Events"."VenueId"),
                "TimeZone" = (SELECT v."TimeZone" FROM "Venues" v WHERE v."Id" = "Events"."VenueId"),
                "Lineup" = {lineup}
            """);
        m.Sql("""
            UPDATE "Events" SET
                "TicketsLeft" = COALESCE((SELECT SUM(s."Remaining") FROM "TicketLotStock" s JOIN "TicketLots" t ON t."Id" = s."LotId"
                    WHERE t."EventId" = "Events"."Id"), 0),
                "CheapestCents" = (SELECT MIN(t."PriceCents") FROM "TicketLots" t WHERE t."EventId" = "Events"."Id"
                    AND EXISTS (SELECT 1 FROM "TicketLotStock" s WHERE s."LotId" = t."Id" AND s."Remaining" > 0)),
                "ResaleLeft" = COALESCE((SELECT SUM(l."Count") FROM "ResaleListings" l WHERE l."EventId" = "Events"."Id" AND l."Status" = 'Active'), 0),
                "ResaleCheapestCents" = (SELECT MIN(l."PriceCents") FROM "ResaleListings" l
                    WHERE l."EventId" = "Events"."Id" AND l."Status" = 'Active' AND l."Count" > 0),
                "Capacity" = COALESCE((SELECT SUM(t."Uploaded" - t."Removed") FROM "TicketLots" t WHERE t."EventId" = "Events"."Id"), 0)
            """);
    }
}
