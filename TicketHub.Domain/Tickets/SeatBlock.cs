namespace TicketHub.Domain.Tickets;

/// <summary>A block of numbered seats in one row, uploaded as one lot per seat ("B12", "B13", ...).</summary>
public sealed record UploadSeatBlockCommand(string? EventId, string? Section, string? Row, int? FirstSeat, int? LastSeat, decimal? Price)
{
    public const int MaxSeats = 500;
}
