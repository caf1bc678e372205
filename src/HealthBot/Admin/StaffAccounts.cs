using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HealthBot.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

public enum SignInResult
{
    Success,
    Failed,
    LockedOut,
}

/// <summary>The address already has an account: changing its password is a separate, explicit step.</summary>
public sealed class StaffAccountExistsException(string email) : ArgumentException($"{email} already exists");

/// <summary>
/// Password checks with lockout, and the account changes an admin makes; accounts are created by an admin or by
/// <c>healthbot user add</c>. Every change that should end an account's sessions gives it a new security stamp, which
/// the session cookie carries (see <see cref="StaffSessionValidation"/>).
/// </summary>
public sealed class StaffAccounts(SqlStaffStore store, IOptions<AdminOptions> options, TimeProvider time)
{
    public const string StampClaim = "hb:stamp";

    private static readonly PasswordHasher<string> Hasher = new();

    // Checked instead of a real hash for unknown, disabled and locked accounts, so every refusal costs one hash check.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword("", NewStamp()));

    public const int MinPasswordLength = PasswordPolicy.MinLength;

    public async Task CreateAsync(string email, string role, string password, string actor)
    {
        CheckRole(role);
        CheckPassword(password, email);
        if (!await store.CreateAsync(email, role, Hasher.HashPassword(email, password), NewStamp()))
        {
            throw new StaffAccountExistsException(email.Trim());
        }

        await store.AuditAsync(actor, "user.add", email.Trim(), $"role={role}");
    }

    public async Task SetPasswordAsync(string email, string password, string actor)
    {
        var user = await ExistingAsync(email);
        CheckPassword(password, user.Email);
        await store.SetPasswordAsync(user.Id, Hasher.HashPassword(user.Email, password), NewStamp());
        await store.AuditAsync(actor, "user.password", user.Email);
    }

    public async Task SetRoleAsync(string email, string role, string actor)
    {
        CheckRole(role);
        var user = await ExistingAsync(email);
        await store.SetRoleAsync(user.Id, role, NewStamp());
        await store.AuditAsync(actor, "user.role", user.Email, $"{user.Role} -> {role}");
    }

    public async Task SetDisabledAsync(string email, bool disabled, string actor)
    {
        var user = await ExistingAsync(email);
        await store.SetDisabledAsync(user.Id, disabled, NewStamp());
        await store.AuditAsync(actor, disabled ? "user.disable" : "user.enable", user.Email);
    }

    /// <summary>Sign-out ends every session of the account, also a copy of the cookie kept elsewhere.</summary>
    public async Task SignOutAsync(string email)
    {
        if (await store.FindAsync(email) is { } user)
        {
            await store.RotateStampAsync(user.Id, NewStamp());
            await store.AuditAsync(user.Email, "logout", null);
        }
    }

    /// <summary>A session is valid while its account is enabled and still has the stamp and role it signed in with.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(StampClaim);
        var user = principal.Identity?.Name is { } name ? await store.FindAsync(name) : null;
        return user is { Disabled: false } && stamp is not null && user.SecurityStamp.Length > 0 &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(user.SecurityStamp)) &&
               principal.IsInRole(user.Role);
    }

    public async Task<(SignInResult Result, ClaimsPrincipal? Principal)> SignInAsync(string email, string password)
    {
        var user = await store.FindAsync(email);
        var max = options.Value.MaxFailedLogins;
        if (user is null || user.Disabled)
        {
            // The same writes and the same hash check as for an account, so time does not tell the two apart either.
            var tries = await store.CountUnknownAttemptAsync(EmailKey(email), options.Value.LockoutDuration);
            Hasher.VerifyHashedPassword("", DummyHash.Value, password);
            await store.AuditAsync(email, "login.failed", null, user is null ? "unknown account" : "disabled");
            return (tries >= max ? SignInResult.LockedOut : SignInResult.Failed, null);
        }

        // The attempt is counted before the password is checked, so parallel guesses cannot all be checked.
        var attempt = await store.CountAttemptAsync(user.Id);
        if (attempt > max)
        {
            Hasher.VerifyHashedPassword("", DummyHash.Value, password);
            await store.AuditAsync(user.Email, "login.locked", null);
            return (SignInResult.LockedOut, null);
        }

        var check = Hasher.VerifyHashedPassword(user.Email, user.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            if (attempt < max)
            {
                await store.AuditAsync(user.Email, "login.failed", null);
                return (SignInResult.Failed, null);
            }

            await store.LockAsync(user.Id, time.GetUtcNow() + options.Value.LockoutDuration);
            await store.AuditAsync(user.Email, "login.lockout", null);
            return (SignInResult.LockedOut, null);
        }

        var rehash = check == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user.Email, password) : null;
        var stamp = await store.RecordSuccessAsync(user.Id, rehash, NewStamp());
        await store.AuditAsync(user.Email, "login", null);
        return (SignInResult.Success, Principal(user, stamp));
    }

    private static ClaimsPrincipal Principal(StaffUser user, string stamp) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, user.Role), new Claim(StampClaim, stamp)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    private async Task<StaffUser> ExistingAsync(string email) =>
        await store.FindAsync(email) ?? throw new ArgumentException($"no account for {email.Trim()}");

    private static void CheckRole(string role)
    {
        if (!StaffRoles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role '{role}'; use one of {string.Join(", ", StaffRoles.All)}");
        }
    }

    private static void CheckPassword(string password, string email)
    {
        if (PasswordPolicy.Problem(password, email) is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    private static string EmailKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
