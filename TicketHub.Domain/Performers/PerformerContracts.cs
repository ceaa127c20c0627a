namespace TicketHub.Domain.Performers;

public sealed record AddPerformerCommand(string? Name, string? Description);

public sealed record PerformerDto(string Id, string Name, string? Description);
