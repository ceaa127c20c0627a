namespace TicketHub.Domain.Data;

public sealed class DemoDataOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo catalogue and demo accounts into an empty database.</summary>
    public bool Seed { get; set; } = true;
}
