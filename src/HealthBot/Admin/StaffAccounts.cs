using System.Security.Claims;
using HealthBot.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HealthBot.Admin;

public enum SignInResult
{
    Success,
    Failed,
    LockedOut,
}

/// <summary>Password checks with lockout; accounts are created by an admin or by <c>healthbot user add</c>.</summary>
public sealed class StaffAccounts(SqlStaffStore store, IOptions<AdminOptions> options, TimeProvider time)
{
    private static readonly PasswordHasher<string> Hasher = new();

    public const int MinPasswordLength = 12;

    public async Task CreateAsync(string email, string role, string password, string actor)
    {
        if (!StaffRoles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role '{role}'; use one of {string.Join(", ", StaffRoles.All)}");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"the password needs at least {MinPasswordLength} characters");
        }

        await store.UpsertAsync(email, role, Hasher.HashPassword(email, password));
        await store.AuditAsync(actor, "user.add", email, $"role={role}");
    }

    public async Task<(SignInResult Result, ClaimsPrincipal? Principal)> SignInAsync(string email, string password)
    {
        var user = await store.FindAsync(email);
        var now = time.GetUtcNow();
        if (user is null)
        {
            // Hash anyway so that unknown and known addresses take the same time.
            Hasher.VerifyHashedPassword(email, Hasher.HashPassword(email, "unused-password"), password);
            await store.AuditAsync(email, "login.failed", null, "unknown account");
            return (SignInResult.Failed, null);
        }

        if (user.LockedUntil is { } locked && locked > now)
        {
            await store.AuditAsync(user.Email, "login.locked", null);
            return (SignInResult.LockedOut, null);
        }

        var check = Hasher.VerifyHashedPassword(user.Email, user.PasswordHash, password);
        if (check == PasswordVerificationResult.Failed)
        {
            var failures = user.FailedLogins + 1;
            var lockout = failures >= options.Value.MaxFailedLogins ? now + options.Value.LockoutDuration : (DateTimeOffset?)null;
            await store.RecordFailureAsync(user.Id, lockout is null ? failures : 0, lockout);
            await store.AuditAsync(user.Email, lockout is null ? "login.failed" : "login.lockout", null);
            return (lockout is null ? SignInResult.Failed : SignInResult.LockedOut, null);
        }

        var rehash = check == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user.Email, password) : null;
        await store.RecordSuccessAsync(user.Id, rehash);
        await store.AuditAsync(user.Email, "login", null);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, user.Role)],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return (SignInResult.Success, new ClaimsPrincipal(identity));
    }
}
