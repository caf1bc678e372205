using System.ComponentModel.DataAnnotations;

namespace HealthBot.Maintenance;

/// <summary>How the box's clock is watched while the service runs. Bound from the <c>Clock</c> section.</summary>
public sealed class ClockOptions : IValidatableObject
{
    public const string Section = "Clock";

    /// <summary>
    /// A wall-clock jump (forward or back) larger than this, against the time that really passed, holds campaign
    /// messages until staff confirm the time (NTP's corrections of seconds or minutes stay far below it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan MaxJump { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the wall clock is compared with the monotonic one (each campaign send also does).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the time the service saw is stored: a restart with the clock set back is noticed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckInterval >= MaxJump)
        {
            yield return new ValidationResult("Clock:CheckInterval must be shorter than Clock:MaxJump");
        }
    }
}
