namespace TicketHub.Domain.Audit;

/// <summary>Where the current request comes from (the client's address), as the front door that received it knows it.</summary>
public interface IClientOrigin
{
    string? Address { get; }
}

/// <summary>No front door: the domain used in-process (the bench tool, start-up seeding).</summary>
internal sealed class NoClientOrigin : IClientOrigin
{
    public string? Address => null;
}
