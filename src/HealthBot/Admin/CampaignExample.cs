namespace HealthBot.Admin;

/// <summary>
/// The definition the create form starts from: weekly pregnancy tips counted from each contact's due date, in the five
/// languages the service speaks, so staff edit a working campaign rather than write JSON from nothing.
/// </summary>
public static class CampaignExample
{
    public const string Pregnancy = """
        {
          "name": "pregnancy-weekly",
          "channels": ["sms"],
          "audience": { "groups": ["pregnancy"] },
          "schedule": { "kind": "relative", "field": "due_date", "from": "-36w", "to": "+12w", "every": "1w", "hour": 9, "firstNumber": 4 },
          "messages": [
            {
              "text": {
                "en": "Week {n}: eat beans and green leaves, and go to your antenatal visit.",
                "fr": "Semaine {n} : mangez des haricots et des légumes verts, et allez à votre consultation prénatale.",
                "sw": "Wiki {n}: kula maharagwe na mboga za majani, na uende kliniki ya wajawazito.",
                "pt": "Semana {n}: coma feijão e folhas verdes, e vá à sua consulta pré-natal.",
                "hi": "सप्ताह {n}: दाल और हरी सब्ज़ियाँ खाएँ, और प्रसव-पूर्व जाँच के लिए जाएँ।"
              }
            }
          ]
        }
        """;
}
