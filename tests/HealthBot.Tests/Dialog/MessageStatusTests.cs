using HealthBot.Data;
using HealthBot.Dialog;

namespace HealthBot.Tests.Dialog;

/// <summary>
/// Providers report out of order (Kannel sent report 8 after 1 in an outside test, then 16): what staff read in the
/// inbox is the furthest status and the first final one, never a step back.
/// </summary>
public sealed class MessageStatusTests
{
    [Theory]
    [InlineData("queued", "sent", true)]
    [InlineData("sent", "delivered", true)]
    [InlineData("sent", "failed", true)]
    [InlineData("delivered", "read", true)]
    [InlineData("queued", "queued", true)]
    [InlineData("delivered", "sent", false)]
    [InlineData("read", "delivered", false)]
    [InlineData("delivered", "failed", false)]
    [InlineData("failed", "delivered", false)]
    [InlineData("undelivered", "failed", false)]
    public void A_status_moves_forward_and_the_first_final_one_stays(string current, string next, bool moves)
    {
        Assert.Equal(moves, MessageStatus.Moves(current, next));
    }
}
