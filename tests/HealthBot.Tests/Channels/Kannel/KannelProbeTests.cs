using HealthBot.Channels.Kannel;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Channels.Kannel;

/// <summary>Bearerbox status pages recorded from Kannel 1.4.5 (one edited: smsbox's line removed).</summary>
public sealed class KannelProbeTests
{
    [Theory]
    [InlineData("status-online.txt", true, "1 SMSC online")]
    [InlineData("status-reconnecting.txt", false, "no SMSC is online (modem or link down)")]
    [InlineData("status-no-smsbox.txt", false, "smsbox is not connected to bearerbox")]
    public void The_status_page_says_whether_messages_can_flow(string file, bool up, string detail)
    {
        var text = File.ReadAllText(HealthBotFactory.RepositoryPath($"src/HealthBot/Channels/Kannel/testdata/{file}"));

        Assert.Equal(new HealthBot.Channels.ProviderProbe(up, detail), KannelProbe.Read(text));
    }

    [Fact]
    public void A_page_that_is_not_kannels_is_down() =>
        Assert.False(KannelProbe.Read("<html>proxy error</html>").Up);
}
