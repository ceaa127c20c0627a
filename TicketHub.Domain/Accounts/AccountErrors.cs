using TicketHub.Domain.Common;

namespace TicketHub.Domain.Accounts;

public static class AccountErrors
{
    // One message for an unknown user, a wrong password and a locked account, so none of them can be told apart.
    public static readonly Error InvalidCredentials =
        new(ErrorCodes.InvalidCredentials, "The username or password is incorrect.");

    public static Error UsernameTaken(string username) =>
        new(ErrorCodes.UsernameTaken, $"The username '{username}' is already taken.", ErrorKind.Conflict);
}
