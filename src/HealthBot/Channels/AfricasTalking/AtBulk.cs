using HealthBot.Data;
using HealthBot.Outbox;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>
/// Gathers campaign messages with the same text into one API call: the outbox hands over up to
/// <c>Outbox:MaxParallelSends</c> messages at once, each waits here at most
/// <see cref="AfricasTalkingOptions.BulkWindowMilliseconds"/> for others with its text (or until
/// <see cref="AfricasTalkingOptions.BulkMaxRecipients"/> are gathered), then one call sends them all and each gets its
/// own recipient's result. The outbox still records every message on its own: nothing else knows about the batch.
/// </summary>
internal sealed class AtBulk(
    Func<IReadOnlyList<string>, string, CancellationToken, Task<IReadOnlyDictionary<string, SendResult>>> post,
    AfricasTalkingOptions settings)
{
    private readonly object gate = new();
    private readonly Dictionary<string, Batch> open = new(StringComparer.Ordinal);

    public Task<SendResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var digits = AtSendAnswer.Digits(item.To);
        Batch batch;
        bool starts;
        Task<SendResult> result;
        lock (gate)
        {
            // One number twice in a batch would get one answer for two messages: the second starts a new batch.
            starts = !open.TryGetValue(item.Body, out var current) || current.Has(digits);
            batch = starts ? new Batch(item.Body) : current!;
            open[item.Body] = batch;
            result = batch.Add(item.To, digits);
            if (batch.Count >= settings.BulkMaxRecipients)
            {
                open.Remove(item.Body);
                batch.Full.TrySetResult();
            }
        }

        if (starts)
        {
            _ = RunAsync(batch);
        }

        return result.WaitAsync(ct);
    }

    private async Task RunAsync(Batch batch)
    {
        // Wall-clock on purpose: this is how long a send waits for company, not a time the service reasons about.
        await Task.WhenAny(Task.Delay(settings.BulkWindowMilliseconds), batch.Full.Task);
        lock (gate)
        {
            if (open.TryGetValue(batch.Body, out var current) && ReferenceEquals(current, batch))
            {
                open.Remove(batch.Body);
            }
        }

        try
        {
            var results = await post(batch.Numbers, batch.Body, CancellationToken.None);
            batch.Complete(results);
        }
        catch (Exception ex)
        {
            batch.Complete(
                new Dictionary<string, SendResult>(), new SendResult.Retry("bulk send failed: " + ex.GetType().Name));
        }
    }

    /// <summary>Filled under the gate's lock; read only after it left <c>open</c>, when nothing adds to it.</summary>
    private sealed class Batch(string body)
    {
        private readonly List<string> numbers = [];
        private readonly Dictionary<string, TaskCompletionSource<SendResult>> waiting = new(StringComparer.Ordinal);

        public string Body => body;

        public TaskCompletionSource Full { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => numbers.Count;

        public IReadOnlyList<string> Numbers => numbers;

        public bool Has(string digits) => waiting.ContainsKey(digits);

        public Task<SendResult> Add(string to, string digits)
        {
            numbers.Add(to);
            var source = new TaskCompletionSource<SendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[digits] = source;
            return source.Task;
        }

        public void Complete(IReadOnlyDictionary<string, SendResult> results, SendResult? otherwise = null)
        {
            foreach (var (digits, result) in waiting)
            {
                result.TrySetResult(results.GetValueOrDefault(digits)
                    ?? otherwise ?? new SendResult.Retry("Africa's Talking's answer does not list this number"));
            }
        }
    }
}
