namespace HealthBot.Tests.Infrastructure;

/// <summary>Waits for background work (dialog worker, outbox) to reach a state; fails with a message when it does not.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        T value;
        do
        {
            value = await probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"timed out after {timeoutMs} ms waiting for {what}; last value: {value}");
    }

    public static Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> done, string what, int timeoutMs = 15000) =>
        WaitAsync(() => Task.FromResult(probe()), done, what, timeoutMs);
}
