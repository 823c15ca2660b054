using Microsoft.AspNetCore.Identity;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Accounts;

/// <summary>
/// The password policy of ASVS 5.0 (6.2.x) instead of Identity's composition rules: 12 to 128
/// characters of anything, and not a common or breached password (data/security/README.md). Shared by
/// the account pages and the command-line tool, so a password set either way meets the same rules.
/// </summary>
public sealed class PasswordRules(CommonPasswords common) : IPasswordValidator<SmartyUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<SmartyUser> manager, SmartyUser user, string? password) =>
        Task.FromResult(Check(password, user.Email) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordRules", Description = problem })
            : IdentityResult.Success);

    /// <summary>Null when the password is acceptable; otherwise a sentence saying why not.</summary>
    public string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"Use at least {MinLength} characters; a few words make a good password.";
        }

        if (password.Length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }

        var lower = password.ToLowerInvariant();
        var repeated = Period(lower);
        if (common.Contains(lower) || common.Contains(Core(lower)) || common.Contains(repeated) || common.Contains(Core(repeated)))
        {
            return "This password is among the most common ones in leaked password lists; choose another.";
        }

        if (lower.Distinct().Count() <= 2 || IsRun(lower))
        {
            return "This password is a repeated character or a keyboard run; choose another.";
        }

        if (email is { Length: > 0 } && MentionsEmail(lower, email.ToLowerInvariant()))
        {
            return "The password must not contain your e-mail address or its name part.";
        }

        return null;
    }

    private static bool MentionsEmail(string password, string email)
    {
        var name = email.Split('@')[0];
        return password.Contains(email, StringComparison.Ordinal) || (name.Length >= 4 && password.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>The shortest piece the password repeats (<c>trustno1trustno1</c> gives <c>trustno1</c>), or the password itself.</summary>
    private static string Period(string password)
    {
        for (var length = 1; length <= password.Length / 2; length++)
        {
            if (password.Length % length == 0 && string.Concat(Enumerable.Repeat(password[..length], password.Length / length)) == password)
            {
                return password[..length];
            }
        }

        return password;
    }

    /// <summary>The password without the digits and symbols around it: <c>password2024!</c> becomes <c>password</c>.</summary>
    private static string Core(string password) => password.Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~[]{}<> ".ToCharArray());

    private static bool IsRun(string password)
    {
        const string runs = "abcdefghijklmnopqrstuvwxyz0123456789 qwertyuiopasdfghjklzxcvbnm 1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p";
        return runs.Contains(password, StringComparison.Ordinal) || new string(password.Reverse().ToArray()) is var reversed && runs.Contains(reversed, StringComparison.Ordinal);
    }
}

/// <summary>The shipped list of common passwords, loaded once.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords;

    public CommonPasswords(string file)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The list of common passwords is missing: {file}. It ships in data/security/.");
        }

        _passwords = new HashSet<string>(File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0), StringComparer.Ordinal);
    }

    public int Count => _passwords.Count;

    public bool Contains(string lowerCasePassword) => _passwords.Contains(lowerCasePassword);
}
