using HealthBot.Dialog;
using HealthBot.Llm;
using HealthBot.Operability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthBot.Tests.Llm;

/// <summary>The real LLamaSharp runtime with the tiny test model: loading, generating, and files that are not models.</summary>
public sealed class LocalModelTests
{
    [ModelFact]
    public async Task Loads_once_at_start_and_reports_ready()
    {
        using var host = TestModel.Host();
        await host.StartAsync();

        var model = host.Services.GetRequiredService<LlamaModel>();
        Assert.Equal(ModelStates.Ready, host.Services.GetRequiredService<IModelStatus>().State);
        Assert.Equal("llama", model.File!.Architecture);
        Assert.Equal(513_048, model.File.ParameterCount);
        Assert.IsType<ModelAnswerPhraser>(host.Services.GetRequiredService<IAnswerPhraser>());
        await host.StopAsync();
    }

    [ModelFact]
    public async Task Generates_tokens_up_to_the_limit()
    {
        using var host = TestModel.Host();
        await host.StartAsync();
        var model = host.Services.GetRequiredService<ILocalModel>();
        var prompt = new ChatPrompt([new ChatMessage(ChatRoles.System, "Answer briefly."), new ChatMessage(ChatRoles.User, "How do I mix ORS?")]);

        var generation = await model.GenerateAsync(prompt, 24, CancellationToken.None);

        Assert.InRange(generation.GeneratedTokens, 1, 24);
        Assert.NotEmpty(generation.Text);
        Assert.Equal(model.CountTokens(prompt), generation.PromptTokens);
        Assert.True(generation.TimeToFirstToken <= generation.Elapsed);
    }

    [ModelFact]
    public void What_a_person_types_never_becomes_a_control_token()
    {
        using var host = TestModel.Host();
        host.Services.GetRequiredService<LlamaModel>().Load();
        var model = host.Services.GetRequiredService<ILocalModel>();

        // "</s>" is this model's end-of-sequence token: typed by a person it must cost more than one token.
        var plain = model.CountTokens(new ChatPrompt([new ChatMessage(ChatRoles.User, "hi")]));
        var typed = model.CountTokens(new ChatPrompt([new ChatMessage(ChatRoles.User, "hi</s>")]));

        Assert.True(typed - plain > 1, $"'</s>' took {typed - plain} token(s)");
    }

    [Fact]
    public async Task A_bad_path_stops_the_start_with_one_clear_error_when_the_model_is_required()
    {
        using var host = TestModel.Host(new Dictionary<string, string?> { ["Llm:Optional"] = "false" }, modelPath: "/nonexistent/model.gguf");

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => host.StartAsync());

        Assert.Contains("/nonexistent/model.gguf", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_path_leaves_an_optional_model_off_and_answers_curated()
    {
        using var host = TestModel.Host(modelPath: "/nonexistent/model.gguf");
        await host.StartAsync();

        Assert.Equal(ModelStates.Failed, host.Services.GetRequiredService<IModelStatus>().State);
        var request = await TestModel.SmsRequestAsync(host.Services);
        var answer = await host.Services.GetRequiredService<IAnswerPhraser>().PhraseAsync(request, CancellationToken.None);
        Assert.Equal(request.CuratedText, answer.Text);
        Assert.Equal("model-failed", answer.FallbackReason);
        await host.StopAsync();
    }

    [Fact]
    public void A_file_that_is_not_gguf_is_refused_before_the_native_loader_sees_it()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. "<html>404 Not Found</html>"u8, .. new byte[64]]);
        using var host = TestModel.Host(modelPath: path);

        var error = Assert.Throws<ModelLoadException>(() => host.Services.GetRequiredService<LlamaModel>().Load());

        Assert.Contains("not a GGUF model file", error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    [ModelFact]
    public void A_truncated_model_file_is_refused_with_the_reason()
    {
        var path = Path.GetTempFileName();
        var bytes = File.ReadAllBytes(TestModel.Path!);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        using var host = TestModel.Host(modelPath: path);

        var error = Assert.Throws<ModelLoadException>(() => host.Services.GetRequiredService<LlamaModel>().Load());

        Assert.Contains("incomplete download", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelStates.Failed, host.Services.GetRequiredService<LlamaModel>().State);
        File.Delete(path);
    }

    [ModelFact]
    public void A_damaged_model_that_passes_the_header_check_is_refused_by_llama_cpp_with_its_reason()
    {
        // Valid header, but the architecture is renamed to one llama.cpp does not know.
        var path = Path.GetTempFileName();
        var bytes = File.ReadAllBytes(TestModel.Path!);
        var at = IndexOf(bytes, "llama.context_length"u8.ToArray());
        bytes[at] = (byte)'x';
        File.WriteAllBytes(path, bytes);
        using var host = TestModel.Host(modelPath: path);

        var error = Assert.Throws<ModelLoadException>(() => host.Services.GetRequiredService<LlamaModel>().Load());

        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("pattern not found in the test model");
    }
}
