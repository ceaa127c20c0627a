using System.Text.RegularExpressions;

namespace TicketHub.Domain.Accounts;

public static partial class AccountRules
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 15;
    public const int NameMaxLength = 255;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;
    public const int MaxFailedLogins = 5;

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's v3 hash); older hashes are re-hashed at their next sign-in.</summary>
    public const int PasswordHashIterations = 210_000;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,15}$")]
    public static partial Regex UsernamePattern();
}
