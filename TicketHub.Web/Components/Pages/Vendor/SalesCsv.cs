using System.Globalization;
using System.Text;
using TicketHub.Domain.Vendors;
using TicketHub.Web.Components.Shared;

namespace TicketHub.Web.Components.Pages.Vendor;

/// <summary>
/// An event's sales as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents): one order per line,
/// its time at the venue and in UTC, and no buyer data, since the order number is what admits people at the door.
/// </summary>
public static class SalesCsv
{
    public static readonly string[] Columns =
    [
        "order_id", "ordered_at_venue", "time_zone", "ordered_at_utc", "status", "channel", "lot_id", "section", "seat",
        "tickets", "unit_price", "amount", "currency",
    ];

    public static byte[] Write(IEnumerable<SaleRecord> sales)
    {
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var s in sales)
        {
            string[] cells =
            [
                s.OrderId, VenueTime.ToLocal(s.OrderedAt, s.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                VenueTime.ZoneName(s.TimeZone), VenueTime.Utc(s.OrderedAt).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                s.Status, s.Channel, s.LotId, s.Section ?? "", s.Seat, s.Tickets.ToString(CultureInfo.InvariantCulture),
                s.UnitPrice.ToString(CultureInfo.InvariantCulture), s.Amount.ToString(CultureInfo.InvariantCulture), s.Currency,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Vendor-typed text (a section or seat such as "=1+1") must not run as a spreadsheet formula; quotes and
    // separators are quoted as RFC 4180 says.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
