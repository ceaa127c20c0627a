using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace TicketHub.Domain.Accounts;

/// <summary>
/// Makes a sign-in for an unknown username cost what a real one costs: the password is checked against a dummy hash
/// made with the same hasher settings, so the answer's timing does not tell which usernames exist.
/// </summary>
internal static class SignInTiming
{
    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();
    private static readonly AppUser Nobody = new();

    public static void VerifyAgainstDummy(IPasswordHasher<AppUser> hasher, int iterations, string? password) =>
        hasher.VerifyHashedPassword(Nobody, DummyHashes.GetOrAdd(iterations, _ => hasher.HashPassword(Nobody, Guid.NewGuid().ToString())),
            password ?? "");
}
