using TicketHub.Domain.Audit;

namespace TicketHub.Web.Hosting;

/// <summary>
/// The client's address for the audit log, as the forwarded-headers middleware resolved it (behind a trusted proxy,
/// the address the proxy saw). In a Blazor circuit it is the address of the circuit's connection.
/// </summary>
public sealed class HttpClientOrigin(IHttpContextAccessor http) : IClientOrigin
{
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
