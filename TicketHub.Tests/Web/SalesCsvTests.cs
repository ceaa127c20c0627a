using System.Text;
using TicketHub.Domain.Vendors;
using TicketHub.Web.Components.Pages.Vendor;

namespace TicketHub.Tests.Web;

/// <summary>The vendor's sales export file.</summary>
public sealed class SalesCsvTests
{
    private static readonly DateTime Ordered = new(2026, 3, 29, 21, 30, 0, DateTimeKind.Utc);

    private static string[] Lines(params SaleRecord[] sales)
    {
        var bytes = SalesCsv.Write(sales);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Each_order_is_one_line_with_its_time_at_the_venue_and_in_UTC()
    {
        var lines = Lines(new SaleRecord("o1", Ordered, "Europe/Berlin", "paid", "primary", "lot1", "Floor", "GA", 2, 25m, 50m, "EUR"));

        Assert.Equal("order_id,ordered_at_venue,time_zone,ordered_at_utc,status,channel,lot_id,section,seat,tickets,unit_price,amount,currency", lines[0]);
        Assert.Equal("o1,2026-03-29 23:30:00,Europe/Berlin,2026-03-29T21:30:00Z,paid,primary,lot1,Floor,GA,2,25,50,EUR", lines[1]);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_or_split_is_neutralised()
    {
        var lines = Lines(new SaleRecord("o1", Ordered, "UTC", "paid", "primary", "lot1", "=HYPERLINK(\"x\")", "A,1", 1, 5m, 5m, "USD"));

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",\"A,1\",", lines[1]);
    }

    [Fact]
    public void The_file_names_no_buyer()
    {
        Assert.DoesNotContain(SalesCsv.Columns, c => c.Contains("buyer") || c.Contains("name") || c.Contains("user") || c.Contains("email"));
    }
}
