namespace HealthBot.Admin;

/// <summary>French for the handoff inbox and the campaign "who gets what" preview (kept apart so UiText.cs stays short).</summary>
public static partial class UiText
{
    private static readonly Dictionary<string, string> FrHandoffAndReach = new(StringComparer.Ordinal)
    {
        ["Conversations staff are handling"] = "Conversations gérées par l'équipe",
        ["None: the bot answers everyone."] = "Aucune : le bot répond à tout le monde.",
        ["held by"] = "prise en main par",
        ["via"] = "via",
        ["replied by"] = "réponse de",
        ["unread"] = "non lu(s)",
        ["not answered yet"] = "sans réponse",
        ["not delivered"] = "non remis",
        ["Held by"] = "Prise en main par",
        ["the bot stays silent except for emergencies. New messages appear here as they arrive."] =
            "le bot se tait sauf urgence. Les nouveaux messages s'affichent ici dès leur arrivée.",
        ["replied: the bot stays silent until"] = "a répondu : le bot se tait jusqu'à",
        ["except for emergencies."] = "sauf urgence.",
        ["Messages"] = "Messages",
        ["person"] = "personne",
        ["reply from staff"] = "réponse de l'équipe",
        ["bot"] = "bot",
        ["Not answered yet"] = "Sans réponse",
        ["Hand back to the bot"] = "Rendre au bot",
        ["After you hand back, the bot answers this person again. Messages nobody has replied to are listed under \"Not answered yet\": reply to them first, or let the bot answer them. No message is dropped."] =
            "Une fois la conversation rendue, le bot répond de nouveau à cette personne. Les messages restés sans réponse sont listés sous « Sans réponse » : répondez-y d'abord, ou laissez le bot y répondre. Aucun message n'est perdu.",
        ["Hand back and let the bot answer them"] = "Rendre au bot et le laisser y répondre",
        ["A message from this person is still being handled. Please try again in a moment."] =
            "Un message de cette personne est encore en cours de traitement. Réessayez dans un instant.",
        ["Not handed back: {0} message(s) have no reply yet (listed under \"Not answered yet\"). Reply to them, or let the bot answer them."] =
            "Conversation non rendue : {0} message(s) sans réponse (listés sous « Sans réponse »). Répondez-y, ou laissez le bot y répondre.",
        ["Start from the example"] = "Partir de l'exemple",
        ["(weekly pregnancy tips in five languages: replace every text you do not want sent)"] =
            "(conseils de grossesse hebdomadaires en cinq langues : remplacez chaque texte que vous ne voulez pas envoyer)",
        ["Languages (none ticked: the languages you write a message in below)"] =
            "Langues (aucune cochée : les langues dans lesquelles vous écrivez un message ci-dessous)",
        ["Only the languages you fill in are sent. Contacts whose language has no text get nothing: the preview counts them."] =
            "Seules les langues remplies sont envoyées. Les contacts dont la langue n'a pas de texte ne reçoivent rien : l'aperçu les compte.",
        ["Who gets what"] = "Qui reçoit quoi",
        ["contacts get the campaign in their language."] = "contacts reçoivent la campagne dans leur langue.",
        ["get nothing, because their language has no text:"] = "ne reçoivent rien, car leur langue n'a pas de texte :",
        ["are left out, because their language is not chosen."] = "sont exclus, car leur langue n'est pas choisie.",
        ["Contacts"] = "Contacts",
        ["What they get"] = "Ce qu'ils reçoivent",
        ["Nothing: no text in this language"] = "Rien : aucun texte dans cette langue",
        ["Nothing: this language is not chosen in the audience"] = "Rien : cette langue n'est pas choisie dans l'audience",
        ["The messages, but only {0} of {1} have a text in this language"] = "Les messages, mais seuls {0} sur {1} ont un texte dans cette langue",
        ["The messages in this language"] = "Les messages dans cette langue",
    };
}
