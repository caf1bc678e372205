using System.ComponentModel.DataAnnotations;

namespace HealthBot.Campaigns;

/// <summary>Outreach campaigns and the Hangfire jobs that plan them. Bound from the <c>Campaigns</c> section.</summary>
public sealed class CampaignOptions : IValidatableObject
{
    public const string Section = "Campaigns";

    /// <summary>Run the Hangfire server (planning jobs) inside <c>serve</c>. Off: campaigns are only planned by other nodes.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>File name of Hangfire's SQLite database inside <c>Storage:DataDirectory</c> (with PostgreSQL, Hangfire uses its schema <c>hangfire</c> there).</summary>
    [Required]
    public string JobDatabaseFile { get; set; } = "hangfire.db";

    /// <summary>How often Hangfire workers poll for queued jobs (its default is 15 s; 100 ms measured ~100 jobs/s on SQLite).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(1, 32)]
    public int Workers { get; set; } = 2;

    /// <summary>
    /// How often Hangfire's schedulers look for delayed and recurring jobs (each look takes a lock: two writes to the
    /// job database). Only retries of a failed planning job and the daily backup wait for it: campaigns are looked
    /// for every minute by <see cref="CampaignTicker"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the job server writes its heartbeat (Hangfire's default is 30 s; it only feeds the
    /// dashboard's server list and the removal of dead servers after five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:04:00")]
    public TimeSpan ServerHeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Opens the campaign API (as <c>Authorization: Bearer</c> only; the job dashboard needs the staff sign-in).
    /// Empty: refuses everyone.
    /// </summary>
    public string AdminToken { get; set; } = string.Empty;

    /// <summary>Opens the campaign API's reading endpoints (<c>Authorization: Bearer</c> only). Empty: no read-only access.</summary>
    public string StaffToken { get; set; } = string.Empty;

    /// <summary>Start of the hours in which campaign messages may arrive, in each contact's local time.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Start of the quiet hours (no campaign messages until <see cref="QuietHoursEnd"/>).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(20, 0);

    /// <summary>Most campaign messages one contact gets in one local day.</summary>
    [Range(1, 100)]
    public int DailyCap { get; set; } = 2;

    /// <summary>Time zone for contacts without one (IANA id, e.g. Africa/Nairobi).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Most SMS segments a campaign message may take in any language.</summary>
    [Range(1, 10)]
    public int MaxSmsSegments { get; set; } = 2;

    /// <summary>Contacts read and written per planning transaction.</summary>
    [Range(100, 50000)]
    public int PlanBatchSize { get; set; } = 2000;

    /// <summary>How far ahead relative schedules are planned; planning runs every few minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "2.00:00:00")]
    public TimeSpan PlanAhead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How late a missed occurrence may still be sent (after downtime, or a contact who joined just after it).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Outbox priority of campaign messages; replies to people who wrote in use 10 and 20, so keep it below.</summary>
    [Range(-100, 9)]
    public int Priority { get; set; }

    /// <summary>WhatsApp's customer-service window: outside it only a template may be sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan WhatsAppWindow { get; set; } = TimeSpan.FromHours(24);

    public QuietHours QuietHours => new(QuietHoursEnd, QuietHoursStart);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QuietHoursEnd >= QuietHoursStart)
        {
            yield return new ValidationResult("Campaigns:QuietHoursEnd (morning) must be before Campaigns:QuietHoursStart (evening)");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            yield return new ValidationResult($"Campaigns:DefaultTimeZone '{DefaultTimeZone}' is not a known time zone");
        }
    }
}
