using HealthBot.Dialog;
using HealthBot.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthBot.Tests.Llm;

/// <summary>
/// The product's phrasing path with the real runtime: whatever the tiny model says is gibberish, so every answer must
/// come back as the curated text with the reason it was not the model's.
/// </summary>
public sealed class ModelAnswerPhraserTests
{
    [ModelFact]
    public async Task The_models_gibberish_fails_the_check_and_the_curated_text_is_sent()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:MaxAnswerTokens"] = "48" });
        await host.StartAsync();
        var metrics = host.Services.GetRequiredService<LlmMetrics>();
        Generation? generated = null;
        metrics.Generated += g => generated = g;
        var request = await TestModel.SmsRequestAsync(host.Services);

        var answer = await host.Services.GetRequiredService<IAnswerPhraser>().PhraseAsync(request, CancellationToken.None);

        Assert.NotNull(generated);
        Assert.True(generated.GeneratedTokens > 0);
        Assert.False(answer.FromModel);
        Assert.Equal(request.CuratedText, answer.Text);
        Assert.StartsWith("check-", answer.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(1, metrics.Fallbacks[answer.FallbackReason!]);
        Assert.Equal(0, metrics.ModelUsed);
    }

    [ModelFact]
    public async Task Past_the_deadline_the_curated_text_is_sent_with_reason_timeout()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:Timeout"] = "00:00:00.001", ["Llm:MaxAnswerTokens"] = "1500", ["Llm:ContextSize"] = "4096" });
        await host.StartAsync();
        var request = await TestModel.SmsRequestAsync(host.Services) with { Profile = ChannelProfile.For(ChannelNames.WebChat) };

        var answer = await host.Services.GetRequiredService<IAnswerPhraser>().PhraseAsync(request, CancellationToken.None);

        Assert.Equal(request.CuratedText, answer.Text);
        Assert.Equal("timeout", answer.FallbackReason);
    }

    [ModelFact]
    public async Task No_more_than_MaxConcurrent_generations_run_at_once()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:MaxConcurrent"] = "1", ["Llm:MaxAnswerTokens"] = "64", ["Llm:Timeout"] = "00:01:00" });
        await host.StartAsync();
        var phraser = host.Services.GetRequiredService<IAnswerPhraser>();
        var requests = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TestModel.SmsRequestAsync(host.Services)));
        var generations = 0;
        host.Services.GetRequiredService<LlmMetrics>().Generated += _ => Interlocked.Increment(ref generations);

        var answers = await Task.WhenAll(requests.Select(r => Task.Run(() => phraser.PhraseAsync(r, CancellationToken.None))));

        var gate = host.Services.GetRequiredService<ModelGate>();
        Assert.Equal(1, gate.PeakActive);
        Assert.Equal(6, generations);
        Assert.All(answers, a => Assert.Equal(requests[0].CuratedText, a.Text));
    }

    [ModelFact]
    public async Task When_the_queue_would_outlast_the_deadline_the_curated_text_is_sent_at_once()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:MaxConcurrent"] = "1", ["Llm:MaxAnswerTokens"] = "1500", ["Llm:ContextSize"] = "4096", ["Llm:Timeout"] = "00:00:30" });
        await host.StartAsync();
        var phraser = host.Services.GetRequiredService<IAnswerPhraser>();
        var gate = host.Services.GetRequiredService<ModelGate>();
        var web = ChannelProfile.For(ChannelNames.WebChat);
        await phraser.PhraseAsync(await TestModel.SmsRequestAsync(host.Services) with { Profile = web }, CancellationToken.None);
        Assert.True(gate.TypicalGeneration > TimeSpan.Zero);

        // One long generation holds the only slot; the deadline is shorter than the typical generation.
        var busy = await gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        using (busy.Lease)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (lease, reason) = await gate.EnterAsync(gate.TypicalGeneration / 2, CancellationToken.None);

            Assert.Null(lease);
            Assert.Equal("busy", reason);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"turned away after {clock.Elapsed}");
        }
    }

    [ModelFact]
    public async Task A_long_conversation_is_trimmed_to_fit_and_the_content_is_kept_whole()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:ContextSize"] = "1024", ["Llm:HistoryTurns"] = "10", ["Llm:MaxAnswerTokens"] = "64" });
        await host.StartAsync();
        var model = host.Services.GetRequiredService<ILocalModel>();
        var request = await TestModel.SmsRequestAsync(host.Services);
        var template = host.Services.GetRequiredService<PromptLibrary>().SystemTemplate("en")!;
        var history = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            new ChatMessage(ChatRoles.User, $"question {i} about malaria nets and mosquitoes in the rainy season, and fever in children"),
            new ChatMessage(ChatRoles.Assistant, request.Item.Sms),
        }).ToList();
        var shape = new AnswerShape("en", Sms: true, 459, 64);

        var built = PromptBuilder.Fit(template, [(request.Item, request.Item.Sms)], history, request.Question.Clean, shape, model.CountTokens, 1024 - 64);

        Assert.NotNull(built);
        Assert.InRange(built.Tokens, 1, 1024 - 64);
        Assert.InRange(built.HistoryMessages, 0, 18);
        Assert.Equal(0, built.HistoryMessages % 2);
        Assert.Contains(request.Item.Sms, built.Prompt.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(request.Question.Clean, built.Prompt.Messages[^1].Content);
        Assert.Equal("question 9 about malaria nets and mosquitoes in the rainy season, and fever in children", built.Prompt.Messages[^3].Content);
    }
}
