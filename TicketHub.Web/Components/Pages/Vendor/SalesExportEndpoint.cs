using System.Security.Claims;
using TicketHub.Domain.Vendors;
using TicketHub.Web.Api;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

/// <summary>The vendor event page's "Sales (CSV)" download: signed in with the site's cookie, for the event's own vendor only.</summary>
public static class SalesExportEndpoint
{
    public static void MapVendorSalesExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/vendor/events/{id}/sales.csv", ExportAsync).RequireAuthorization(Policies.Vendor).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string id, ClaimsPrincipal user, VendorSalesService sales, CancellationToken ct)
    {
        var rows = await sales.SalesExportAsync(user.GetUserId(), id, ct);
        return rows.IsSuccess
            ? TypedResults.File(SalesCsv.Write(rows.Value), "text/csv; charset=utf-8", $"sales-{id}.csv")
            : rows.Error.ToProblem();
    }
}
