using System.ComponentModel;

namespace TicketHub.Domain.Performers;

public sealed record AddPerformerCommand(string? Name, string? Description);

[ImmutableObject(true)]
public sealed record PerformerDto(string Id, string Name, string? Description);
