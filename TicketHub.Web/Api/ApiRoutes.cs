using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

public static class ApiRoutes
{
    public static void MapTicketHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").ProducesProblem(StatusCodes.Status400BadRequest).WithRetryAfterHeader();
        api.MapUsersApi();
        var tickets = api.MapGroup("/tickets").WithTags("TicketService").RequireAuthorization(Policies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        tickets.MapCatalogApi();
        tickets.MapTradingApi();
        tickets.MapOrdersApi();
        tickets.MapETicketsApi();
        tickets.MapWaitingRoomApi();
    }
}
