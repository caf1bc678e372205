using HealthBot.Tests.Infrastructure;
using System.Text;

namespace HealthBot.Tests.Llm;

/// <summary><c>healthbot model info</c>, <c>eval --model</c> and <c>bench model</c> as an operator runs them.</summary>
// Left out of the PostgreSQL pass: its hosts use a SQLite file whatever the pass.
[Trait(PostgresPass.Name, PostgresPass.Skip)]
public sealed class ModelCommandTests
{
    [Fact]
    public async Task Info_describes_an_instruct_model_from_its_header()
    {
        var path = WriteGguf(withTemplate: true);

        var run = await CliRun.RunAsync("model", "info", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("architecture:   qwen2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("parameters:     1,024 (1.0K)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("quantization:   Q4_K_M", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("context length: 32768", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("chat template:  yes", run.Stdout, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task Info_refuses_a_file_that_is_not_a_model()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "<html>not found</html>");

        var run = await CliRun.RunAsync("model", "info", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a GGUF model file", run.Stderr, StringComparison.Ordinal);
        File.Delete(path);
    }

    [ModelFact]
    public async Task Info_describes_the_tiny_test_model()
    {
        var run = await CliRun.RunAsync("model", "info", TestModel.Path!);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("architecture:   llama", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("parameters:     513,048", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("quantization:   F16", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("context length: 4096", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("chat template:  no", run.Stdout, StringComparison.Ordinal);
    }

    [ModelFact]
    public async Task Eval_with_a_model_reports_how_often_the_model_was_used_and_why_not()
    {
        var tsv = Path.GetTempFileName();
        await File.WriteAllTextAsync(tsv, "lang\ttopic\turgent\ttext\nen\tdiarrhoea-ors\tno\thow to mix ors at home\nfr\tdiarrhoea-ors\tno\tcomment preparer le sro\n");

        var run = await CliRun.RunAsync("eval", tsv, "--model", TestModel.Path!, "--Llm:Threads=1", "--Llm:MaxAnswerTokens=48");

        Assert.Equal(0, run.ExitCode);
        var line = run.Stdout.Split('\n').Single(l => l.StartsWith("MODEL ", StringComparison.Ordinal));
        Assert.StartsWith("MODEL answers=2 model_used=0.000 fallback=1.000 reasons=check-", line, StringComparison.Ordinal);
        File.Delete(tsv);
    }

    [ModelFact]
    public async Task Bench_model_prints_one_bench_line()
    {
        var run = await CliRun.RunAsync("bench", "model", "--model", TestModel.Path!, "--runs", "2", "--tokens", "16", "--threads", "1");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("BENCH model name=LLaMA_v2 ", line, StringComparison.Ordinal);
        Assert.Contains(" ratio=", line, StringComparison.Ordinal);
        Assert.Contains(" rss_mb=", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_a_missing_model_stops_with_the_reason()
    {
        var run = await CliRun.RunAsync("eval", HealthBotFactoryPath("tests/HealthBot.Tests/Evaluation/testdata/heldout.tsv"), "--model", "/nonexistent/model.gguf");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("model file not found", run.Stderr, StringComparison.Ordinal);
    }

    private static string HealthBotFactoryPath(string relative) => Infrastructure.HealthBotFactory.RepositoryPath(relative);

    /// <summary>A header-only GGUF v3 file with one small Q4_K tensor, shaped like a Qwen2 instruct model's.</summary>
    private static string WriteGguf(bool withTemplate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"healthbot-{Guid.NewGuid():N}.gguf");
        using (var writer = new BinaryWriter(File.Create(path), Encoding.UTF8))
        {
            var kv = new List<Action>
            {
                () => { Str(writer, "general.architecture"); writer.Write(8u); Str(writer, "qwen2"); },
                () => { Str(writer, "qwen2.context_length"); writer.Write(4u); writer.Write(32768u); },
                () => { Str(writer, "general.file_type"); writer.Write(4u); writer.Write(15u); },
            };
            if (withTemplate)
            {
                kv.Add(() => { Str(writer, "tokenizer.chat_template"); writer.Write(8u); Str(writer, "{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}"); });
            }

            writer.Write("GGUF"u8);
            writer.Write(3u);
            writer.Write(1ul);
            writer.Write((ulong)kv.Count);
            kv.ForEach(write => write());
            Str(writer, "token_embd.weight");
            writer.Write(2u);
            writer.Write(256ul);
            writer.Write(4ul);
            writer.Write(12u); // Q4_K
            writer.Write(0ul);
            writer.Write(new byte[32 + (4 * 144)]); // alignment padding and the tensor's 4 blocks
        }

        return path;
    }

    private static void Str(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }
}
