using System.ComponentModel;

namespace TicketHub.Domain.ETickets;

/// <summary>One ticket its owner can show at the door: the unit, where it admits to, and its signed code.</summary>
[ImmutableObject(true)]
public sealed record ETicketView(
    string UnitId, string EventId, string EventName, DateTime StartTime, string VenueName, string TimeZone, string? Section,
    string Seat, int Generation, string Code, DateTime? CheckedInAt);

/// <summary>The door's answer to one scan. <see cref="CheckedInAt"/> is when the ticket was admitted (now, or earlier when already used).</summary>
public sealed record CheckInResult(
    string Verdict, string? UnitId, string? Section, string? Seat, DateTime? CheckedInAt, int Entered);

/// <summary>The answers a door can give, as the API spells them.</summary>
public static class CheckInVerdicts
{
    public const string Valid = "valid";
    public const string AlreadyUsed = "already_used";
    public const string Revoked = "revoked";
    public const string WrongEvent = "wrong_event";
    public const string Forged = "forged";

    public static IReadOnlyList<string> All { get; } = [Valid, AlreadyUsed, Revoked, WrongEvent, Forged];
}

/// <summary>A scan: the event at this door and the code as read (QR or typed).</summary>
public sealed record CheckInCommand(string? EventId, string? Code);

/// <summary>Codes of <see cref="UnitId"/> with a generation below <see cref="RevokedBelow"/> admit nobody.</summary>
public sealed record RevokedCode(string UnitId, int RevokedBelow);

/// <summary>What an offline scanner needs besides the public key: every revoked code of one event.</summary>
public sealed record RevocationList(string EventId, DateTime GeneratedAt, IReadOnlyList<RevokedCode> Revoked);

/// <summary>How many have come in through the doors, of how many tickets are held.</summary>
public sealed record EntryCount(string EventId, int Entered, int Tickets);

/// <summary>The platform's public key as a JSON Web Key (RFC 8037, OKP/Ed25519), as door scanners download it.</summary>
public sealed record TicketKeyJwk(string Kty, string Crv, string X, string Kid, string Alg, string Use);
