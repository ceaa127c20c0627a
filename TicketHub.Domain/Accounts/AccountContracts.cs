namespace TicketHub.Domain.Accounts;

public sealed record RegisterCommand(string? Username, string? FirstName, string? LastName, string? Password, string? UserType);

/// <summary>Who a user is, as every front door needs it after registration or a successful credential check.</summary>
public sealed record AccountInfo(string UserId, string Username, UserType UserType, string FirstName, string LastName, AccountStatus Status);

public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword);
