using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace TicketHub.Domain.Accounts;

/// <summary>
/// The password rules beyond length (NIST SP 800-63B style: no composition rules, but no password from a list of the
/// most common ones and not the username). Identity runs it on sign-up and on every password change.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public static int CommonPasswordCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        if (password is { Length: > AccountRules.PasswordMaxLength })
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Passwords must be at most {AccountRules.PasswordMaxLength} characters." });
        if (password is not null && IsCommon(password))
            errors.Add(new() { Code = "PasswordTooCommon", Description = "This password is one of the most common ones; choose another." });
        if (password is not null && user.UserName is { } name && password.Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordIsUsername", Description = "The password must not be the username." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TicketHub.Domain.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in TicketHub.Domain.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    /// <summary>The list's format: one password a line, compared case-insensitively; lines starting with # are comments.</summary>
    internal static HashSet<string> Read(TextReader reader)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        return set;
    }
}
