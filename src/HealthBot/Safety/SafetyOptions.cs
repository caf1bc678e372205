using System.ComponentModel.DataAnnotations;
using HealthBot.Data;

namespace HealthBot.Safety;

/// <summary>Emergency alerts and abuse and cost limits. Bound from the <c>Safety</c> section.</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>On-call staff phone numbers (E.164) that get an SMS for each new urgent alert. Empty: database alert list only.</summary>
    public List<string> OnCallNumbers { get; set; } = [];

    /// <summary>A second emergency from the same contact within this window adds no new alert.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan AlertDedupWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Alerts that get their own on-call SMS in any <see cref="AlertSmsWindow"/>; later ones wait for one summary SMS
    /// ("N more urgent alerts, see the inbox"). Every alert is in the staff inbox either way.
    /// </summary>
    [Range(1, 1000)]
    public int MaxAlertSmsPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AlertSmsWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the first held alert waits before the summary SMS, so one summary covers a burst.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AlertSummaryDelay { get; set; } = TimeSpan.FromMinutes(2);

    public AlertSmsBudget AlertSmsBudget => new(MaxAlertSmsPerWindow, AlertSmsWindow);

    /// <summary>Replies per contact per hour; past it the contact gets one polite notice, then silence until the hour passes.</summary>
    [Range(1, 1000)]
    public int MaxRepliesPerHour { get; set; } = 10;

    /// <summary>Replies per contact per day (a cost cap for each number).</summary>
    [Range(1, 10000)]
    public int MaxRepliesPerDay { get; set; } = 30;

    /// <summary>Longer messages get a "please send a shorter question" reply.</summary>
    [Range(160, 100000)]
    public int MaxMessageChars { get; set; } = 1600;

    /// <summary>
    /// A learned second opinion on messages the danger-sign rules find not urgent: when confident, staff get a
    /// "possible emergency" alert to review and the person one safety line after their answer. It never changes what
    /// the rules decide. False: the rules alone.
    /// </summary>
    public bool SecondOpinion { get; set; } = true;

    /// <summary>
    /// The classifier's probability from which it alerts staff; chosen on a cross-validation split of the training
    /// examples (<c>healthbot bench second-opinion</c>), not on the held-out evaluation sets.
    /// </summary>
    [Range(0.5, 1.0)]
    public double SecondOpinionThreshold { get; set; } = 0.95;
}
