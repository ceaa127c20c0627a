using TicketHub.Domain.Common;

namespace TicketHub.Domain.Accounts;

public static class AccountErrors
{
    // One message for an unknown user, a wrong password and a locked account, so none of them can be told apart.
    public static readonly Error InvalidCredentials =
        new(ErrorCodes.InvalidCredentials, "The username or password is incorrect.");

    public static Error UsernameTaken(string username) =>
        new(ErrorCodes.UsernameTaken, $"The username '{username}' is already taken.", ErrorKind.Conflict);

    /// <summary>Only after the right password: a disabled or rejected account cannot sign in.</summary>
    public static readonly Error AccountDisabled =
        new(ErrorCodes.AccountDisabled, "This account is disabled. Contact TicketHub support.", ErrorKind.Forbidden);

    public static readonly Error VendorNotApproved =
        new(ErrorCodes.VendorNotApproved, "Your vendor account is waiting for approval by a TicketHub administrator.", ErrorKind.Forbidden);

    public static readonly Error CurrentPasswordIncorrect =
        new(ErrorCodes.InvalidCredentials, "The current password is incorrect.");

    public static Error NotFound(string userId) => CommonErrors.NotFound("Account", userId);

    public static Error InvalidState(string message) => new(ErrorCodes.InvalidState, message, ErrorKind.Conflict);
}
