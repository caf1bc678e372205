using System.ComponentModel.DataAnnotations;

namespace HealthBot.Admin;

public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// false (default): the session and antiforgery cookies are Secure whenever the request came over HTTPS, as it does
    /// behind the TLS proxy (X-Forwarded-Proto), and a plain-HTTP laptop demo still works. true: always Secure, and
    /// plain HTTP is refused.
    /// </summary>
    public bool SecureCookies { get; set; }

    /// <summary>
    /// Very small teams may let a reviewer publish their own edit; by default a second person must approve.
    /// </summary>
    public bool AllowSelfPublish { get; set; }

    /// <summary>Price of one SMS segment, shown in the editor's preview.</summary>
    [Range(0, 100)]
    public decimal SmsSegmentPrice { get; set; } = 0.0079m;

    [Required]
    public string Currency { get; set; } = "USD";

    /// <summary>How long the bot stays silent for a contact after the last human reply.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan HandoffSilence { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The deployment's time zone (IANA id, e.g. Africa/Nairobi): every time in the workspace is shown in it.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Roles (comma-separated) that may open a contact's full phone number in the inbox; everyone else sees it
    /// masked (+2547•••••123). Every opening is audited.
    /// </summary>
    public string FullNumberRoles { get; set; } = StaffRoles.Admin;

    /// <summary>
    /// The labelled test questions (the <c>healthbot eval</c> format) a draft is run against in the background, to show
    /// which ones it answers differently and how it moves urgent recall and false alarms. Empty: not run.
    /// </summary>
    public string EvalSet { get; set; } = string.Empty;

    /// <summary>Largest body of a workspace form post, in bytes (editors send whole texts: a language's triage
    /// rules, form-encoded, can pass 1 MB). Each field also has its own limit, said on the form.</summary>
    [Range(typeof(long), "65536", "67108864")]
    public long MaxFormBytes { get; set; } = 4 * 1024 * 1024;

    public IReadOnlyList<string> FullNumberRoleList =>
        FullNumberRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"Admin:TimeZone '{TimeZone}' is not a known time zone; use an IANA id such as Africa/Nairobi or UTC.",
                [nameof(TimeZone)]);
        }

        foreach (var role in FullNumberRoleList.Where(r => !StaffRoles.All.Contains(r)))
        {
            yield return new ValidationResult(
                $"Admin:FullNumberRoles names '{role}', which is not a role; " +
                $"roles: {string.Join(", ", StaffRoles.All)}.",
                [nameof(FullNumberRoles)]);
        }
    }
}
