using HealthBot.Outbox;

namespace HealthBot.Tests.Outbox;

/// <summary>
/// A gateway that is down (Kannel restarting, the modem unplugged, the office link cut overnight) must delay replies,
/// not drop them: an outside test lost a reply after Kannel answered 503 for four minutes with the old defaults.
/// </summary>
public sealed class RetryWindowTests
{
    [Fact]
    public void With_the_default_settings_a_reply_is_retried_for_more_than_a_day()
    {
        var window = new OutboxOptions().ShortestRetryWindow();

        Assert.True(window > TimeSpan.FromDays(1), $"retried for only {window}");
    }

    [Fact]
    public void The_window_follows_the_settings()
    {
        var options = new OutboxOptions
        {
            MaxAttempts = 4, InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(15),
        };

        // Waits of 10, 15 and 15 s between four attempts, at the shortest jitter (0.8).
        Assert.Equal(TimeSpan.FromSeconds(32), options.ShortestRetryWindow());
    }
}
