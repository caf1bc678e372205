using System.Globalization;

namespace HealthBot.Evaluation;

/// <summary>The figures of an evaluation run, and its printed report.</summary>
public sealed record EvalMetrics(int Rows, double TopicAccuracy, double UrgentRecall, double UrgentFalseAlarms, double NoneAccuracy, double LanguageAccuracy)
{
    public static EvalMetrics From(IReadOnlyList<EvalResult> results)
    {
        static double Share(IEnumerable<EvalResult> set, Func<EvalResult, bool> ok)
        {
            var list = set.ToList();
            return list.Count == 0 ? 1.0 : (double)list.Count(ok) / list.Count;
        }

        return new EvalMetrics(
            results.Count,
            Share(results.Where(r => r.Row.Topic != "none"), r => r.TopicCorrect),
            Share(results.Where(r => r.Row.Urgent), r => r.Urgent),
            1.0 - Share(results.Where(r => !r.Row.Urgent), r => !r.Urgent),
            Share(results.Where(r => r.Row.Topic == "none"), r => r.NoneCorrect),
            Share(results, r => r.LanguageCorrect))
        {
            AlertedRecall = Share(results.Where(r => r.Row.Urgent), r => r.Alerted),
            AlertedFalseAlarms = 1.0 - Share(results.Where(r => !r.Row.Urgent), r => !r.Alerted),
        };
    }

    /// <summary>
    /// Urgent rows on which staff were alerted, by the rules or the learned second opinion (the person got the referral
    /// only from the rules: <see cref="UrgentRecall"/>); and calm rows on which they were alerted.
    /// </summary>
    public double AlertedRecall { get; init; }

    public double AlertedFalseAlarms { get; init; }

    /// <summary>Rules alone against rules with the second opinion (staff alerted), for one language or all.</summary>
    public string AlertedLine(string language) => string.Create(CultureInfo.InvariantCulture,
        $"ALERTED lang={language} rows={Rows} rules_recall={UrgentRecall:0.000} alerted_recall={AlertedRecall:0.000} " +
        $"rules_false_alarms={UrgentFalseAlarms:0.000} alerted_false_alarms={AlertedFalseAlarms:0.000}");

    /// <summary>The figures of a conversation file's turns.</summary>
    public string ConversationLine(int conversations) => string.Create(CultureInfo.InvariantCulture,
        $"CONV conversations={conversations} turns={Rows} topic_accuracy={TopicAccuracy:0.000} urgent_recall={UrgentRecall:0.000} false_alarms={UrgentFalseAlarms:0.000} " +
        $"alerted_recall={AlertedRecall:0.000} alerted_false_alarms={AlertedFalseAlarms:0.000}");

    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"EVAL rows={Rows} topic_accuracy={TopicAccuracy:0.000} urgent_recall={UrgentRecall:0.000} urgent_false_alarms={UrgentFalseAlarms:0.000} none_accuracy={NoneAccuracy:0.000} language_accuracy={LanguageAccuracy:0.000} " +
        $"alerted_recall={AlertedRecall:0.000} alerted_false_alarms={AlertedFalseAlarms:0.000}");
}

public static class EvalReport
{
    public static void Write(TextWriter output, IReadOnlyList<EvalResult> results, bool everyRow = false)
    {
        output.WriteLine("lang   rows  topic   none    urgent_recall  false_alarms  language");
        foreach (var group in results.GroupBy(r => r.Row.Language).OrderBy(g => Array.IndexOf(EvalSet.Languages, g.Key)))
        {
            var m = EvalMetrics.From(group.ToList());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-6} {m.Rows,4}  {m.TopicAccuracy,5:0.000}  {m.NoneAccuracy,5:0.000}  {m.UrgentRecall,13:0.000}  {m.UrgentFalseAlarms,12:0.000}  {m.LanguageAccuracy,8:0.000}"));
        }

        var misses = results.Where(r => !IsHit(r)).ToList();
        output.WriteLine($"misses: {misses.Count}{(everyRow ? " (every row follows, misses marked *)" : string.Empty)}");
        foreach (var r in everyRow ? results : misses)
        {
            if (everyRow)
            {
                output.Write(IsHit(r) ? " " : "*");
            }

            var candidates = string.Join(", ", r.Candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ContentId}/{c.Language}={c.Score:0.000}")));
            output.WriteLine(
                $"  line {r.Row.Line}{(r.Row.Conversation is { } c ? $" conv {c} turn {r.Row.Turn}" : string.Empty)} [{r.Row.Language}] expected {r.Row.Topic}{(r.Row.Urgent ? " URGENT" : string.Empty)}; got {r.AnsweredTopic ?? (r.Declined ? "declined" : "-")}" +
                $"{(r.Urgent ? " URGENT" : r.Alerted ? " STAFF-ALERT (second opinion)" : string.Empty)} in {r.AnswerLanguage ?? "-"} via {r.Route}: \"{r.Row.Text}\" [{candidates}]");
        }

        foreach (var group in results.GroupBy(r => r.Row.Language).OrderBy(g => Array.IndexOf(EvalSet.Languages, g.Key)))
        {
            output.WriteLine(EvalMetrics.From(group.ToList()).AlertedLine(group.Key));
        }

        output.WriteLine(EvalMetrics.From(results).AlertedLine("all"));
        output.WriteLine(EvalMetrics.From(results).SummaryLine());
        var turns = results.Where(r => r.Row.Conversation is not null).ToList();
        if (turns.Count > 0)
        {
            output.WriteLine(EvalMetrics.From(turns).ConversationLine(turns.Select(r => r.Row.Conversation).Distinct().Count()));
        }
    }

    private static bool IsHit(EvalResult r) =>
        r.LanguageCorrect && r.Urgent == r.Row.Urgent && (r.Row.Topic == "none" ? r.NoneCorrect : r.TopicCorrect);
}
