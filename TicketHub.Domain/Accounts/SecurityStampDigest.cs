using System.Security.Cryptography;
using System.Text;

namespace TicketHub.Domain.Accounts;

/// <summary>
/// A short digest of an account's security stamp, carried in bearer tokens: it changes when the stamp rotates
/// (a password change, a rejection, a disabling), which ends the token, and it reveals nothing about the stamp.
/// </summary>
public static class SecurityStampDigest
{
    public static string Of(string? stamp) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp ?? "")))[..16];
}
