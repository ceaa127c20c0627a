namespace TicketHub.Web.Api;

// Shapes of the API (docs/api.md) that the domain has no type for. Rules stay in TicketHub.Domain.
public sealed record IdResponse(string Id);

public sealed record EmptyResponse;

public sealed record CreateUserResponse(string Username, string UserType);

public sealed record LoginRequest(string? Username, string? Password);

public sealed record LoginResponse(string Token, DateTime ExpiresAt, string Username, string UserType);

public sealed record AddPerformerToEventRequest(string? PerformerId, string? EventId);
