using TicketHub.Domain.Common;

namespace TicketHub.Domain.Performers;

public sealed class Performer
{
    private string _name = "";

    public string Id { get; set; } = "";
    /// <summary>Setting the name sets <see cref="NameKey"/>, its upper-cased key for case-insensitive search (see TextKey).</summary>
    public string Name { get => _name; set => (_name, NameKey) = (value, TextKey.From(value) ?? ""); }
    public string NameKey { get; private set; } = "";
    public string? Description { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
