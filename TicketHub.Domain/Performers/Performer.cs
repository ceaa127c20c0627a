namespace TicketHub.Domain.Performers;

public sealed class Performer
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string NameKey { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
