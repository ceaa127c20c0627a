using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketHub.Domain.Common;
using TicketHub.Domain.Orders;
using TicketHub.Web.Api.OpenApi;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

/// <summary>A buyer's orders and how each ended: how an integrator learns the outcome of a purchase that answered 503.</summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/view-orders", ViewOrdersAsync).WithName("view-orders").RequireAuthorization(Policies.Individual)
            .Produces<IReadOnlyList<OrderJson.OrderDetails>>().Paged()
            .WithSummary("The caller's orders with their status (pending, paid, failed), newest first")
            .WithDescription("A pending order's payment has not ended yet; the reconciler settles it within minutes.");
        tickets.MapGet("/view-order", ViewOrderAsync).WithName("view-order").RequireAuthorization(Policies.Individual)
            .WithSummary("One of the caller's orders by id; not_found for an unknown order and for someone else's");
        return tickets;
    }

    public static string OrderLocation(string orderId) => $"/api/tickets/view-order?order-id={Uri.EscapeDataString(orderId)}";

    public sealed record OrdersPage(
        [property: FromQuery(Name = "page")] int? Page,
        [property: FromQuery(Name = "page-size")] int? PageSize);

    private static async Task<Results<Ok<IReadOnlyList<OrderJson.OrderDetails>>, ProblemHttpResult>> ViewOrdersAsync(
        [AsParameters] OrdersPage paging, ClaimsPrincipal user, OrderHistoryService orders, HttpContext http, CancellationToken ct)
    {
        var page = PageRequest.Create(paging.Page, paging.PageSize);
        if (!page.IsSuccess) return page.Error.ToProblem();
        var result = await orders.OrdersAsync(user.GetUserId(), page.Value, ct);
        http.SetPaging(page.Value, result.TotalCount);
        return TypedResults.Ok<IReadOnlyList<OrderJson.OrderDetails>>(result.Items.Select(OrderJson.From).ToList());
    }

    private static async Task<Results<Ok<OrderJson.OrderDetails>, ProblemHttpResult>> ViewOrderAsync(
        [FromQuery(Name = "order-id")] string? orderId, ClaimsPrincipal user, OrderHistoryService orders, CancellationToken ct)
    {
        var result = await orders.OrderAsync(user.GetUserId(), orderId, ct);
        return result.IsSuccess ? TypedResults.Ok(OrderJson.From(result.Value)) : result.Error.ToProblem();
    }
}
