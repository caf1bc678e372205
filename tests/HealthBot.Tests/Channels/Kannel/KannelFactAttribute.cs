namespace HealthBot.Tests.Channels.Kannel;

/// <summary>
/// A fact that needs Debian's kannel and kannel-extras. Skipped with the reason on a developer machine without them;
/// never skipped in CI (<c>CI=true</c>), where .ci/run installs them, so a missing install fails instead of hiding.
/// </summary>
public sealed class KannelFactAttribute : FactAttribute
{
    public KannelFactAttribute()
    {
        if (!KannelGateway.Installed && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "Kannel is not installed: apt-get install kannel kannel-extras";
        }
    }
}
