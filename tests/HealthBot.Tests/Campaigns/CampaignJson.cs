using System.Text.Json;

namespace HealthBot.Tests.Campaigns;

/// <summary>Campaign definitions as staff would write them.</summary>
public static class CampaignJson
{
    public static readonly string[] Languages = ["en", "fr", "sw", "pt", "hi"];

    private static readonly Dictionary<string, string> Week = new()
    {
        ["en"] = "Week {n}: eat beans and green leaves, and go to your antenatal visit.",
        ["fr"] = "Semaine {n} : mangez des haricots et des légumes verts, et allez à votre consultation prénatale.",
        ["sw"] = "Wiki {n}: kula maharagwe na mboga za majani, na uende kliniki ya wajawazito.",
        ["pt"] = "Semana {n}: coma feijão e folhas verdes, e vá à sua consulta pré-natal.",
        ["hi"] = "सप्ताह {n}: दाल और हरी सब्ज़ियाँ खाएँ, और प्रसव-पूर्व जाँच के लिए जाएँ।",
    };

    /// <summary>Weekly tips from due date − 36 weeks to due date + 12 weeks, message n in gestational week n.</summary>
    public static string Pregnancy(string name = "pregnancy-weekly", string channels = "[\"sms\"]", string? extra = null) => $$"""
        {
          "name": "{{name}}",
          "channels": {{channels}},
          "audience": { "groups": ["pregnancy"] },
          "schedule": { "kind": "relative", "field": "due_date", "from": "-36w", "to": "+12w", "every": "1w", "hour": 9, "firstNumber": 4 },
          "messages": [ { "text": {{JsonSerializer.Serialize(Week)}} } ]{{extra}}
        }
        """;

    public static string Once(string name, DateTime localAt, string timeZone, string group = "pregnancy", string channels = "[\"sms\"]", string text = "Vaccination day is Tuesday at the clinic.") => $$"""
        {
          "name": "{{name}}",
          "channels": {{channels}},
          "audience": { "groups": ["{{group}}"] },
          "schedule": { "kind": "once", "at": "{{localAt:yyyy-MM-ddTHH:mm:ss}}", "timeZone": "{{timeZone}}" },
          "messages": [ { "text": { "en": "{{text}}", "fr": "{{text}} (fr)", "sw": "{{text}} (sw)", "pt": "{{text}} (pt)", "hi": "{{text}} (hi)" } } ]
        }
        """;
}
