namespace HealthBot.Admin;

/// <summary>
/// The workspace's words in English and French. A dictionary keeps translators out of C#; a missing French entry falls
/// back to English so a page never shows a key.
/// </summary>
public static class UiText
{
    public const string CookieName = "hb-ui-lang";

    private static readonly Dictionary<string, string> Fr = new(StringComparer.Ordinal)
    {
        ["Sign in"] = "Se connecter",
        ["Sign out"] = "Se déconnecter",
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["Wrong email or password."] = "Adresse e-mail ou mot de passe incorrect.",
        ["Too many failed attempts: this account is locked for a while."] = "Trop d'échecs : ce compte est bloqué pour un moment.",
        ["Staff workspace"] = "Espace de l'équipe",
        ["Content"] = "Contenus",
        ["Review"] = "Relecture",
        ["Inbox"] = "Boîte de réception",
        ["Users"] = "Utilisateurs",
        ["Audit"] = "Journal",
        ["Topic"] = "Sujet",
        ["missing"] = "manquant",
        ["draft"] = "brouillon",
        ["review"] = "en relecture",
        ["published"] = "publié",
        ["stale"] = "traduction à revoir",
        ["rejected"] = "refusé",
        ["Title"] = "Titre",
        ["SMS text"] = "Texte SMS",
        ["Web text"] = "Texte web",
        ["Save draft"] = "Enregistrer le brouillon",
        ["Submit for review"] = "Envoyer en relecture",
        ["Publish"] = "Publier",
        ["Reject"] = "Refuser",
        ["Preview"] = "Aperçu",
        ["Encoding"] = "Codage",
        ["Segments"] = "Segments",
        ["Characters"] = "Caractères",
        ["Cost per message"] = "Coût par message",
        ["History"] = "Historique",
        ["Version"] = "Version",
        ["Reviewed by"] = "Relu par",
        ["Restore as draft"] = "Restaurer comme brouillon",
        ["Changes"] = "Modifications",
        ["Author"] = "Auteur",
        ["Nothing waiting for review."] = "Rien en attente de relecture.",
        ["You cannot publish your own edit: another reviewer must approve it."] = "Vous ne pouvez pas publier votre propre modification : un autre relecteur doit l'approuver.",
        ["Role"] = "Rôle",
        ["Add user"] = "Ajouter un utilisateur",
        ["When"] = "Quand",
        ["Who"] = "Qui",
        ["Action"] = "Action",
        ["Urgent alerts"] = "Alertes urgentes",
        ["Flagged conversations"] = "Conversations signalées",
        ["Contact"] = "Contact",
        ["Reply"] = "Répondre",
        ["Send"] = "Envoyer",
        ["Take over"] = "Prendre la main",
        ["Resolve and hand back"] = "Résoudre et rendre au bot",
        ["A person is handling this conversation: the bot stays silent except for emergencies."] = "Une personne gère cette conversation : le bot se tait sauf urgence.",
        ["Saved."] = "Enregistré.",
        ["Language"] = "Langue",
        ["Your role does not allow this."] = "Votre rôle ne le permet pas.",
        ["Skip to content"] = "Aller au contenu",
        ["Save"] = "Enregistrer",
        ["Edit"] = "Modifier",
        ["Open"] = "Ouvrir",
        ["Rollback"] = "Revenir",
        ["Insights"] = "Statistiques",
        ["Messages per day by channel"] = "Messages par jour et par canal",
        ["Messages per day by language"] = "Messages par jour et par langue",
        ["days"] = "jours",
        ["Top topics"] = "Sujets les plus demandés",
        ["Unanswered questions"] = "Questions sans réponse",
        ["Answer feedback"] = "Avis sur les réponses",
        ["No feedback yet."] = "Pas encore d'avis.",
        ["Helpful"] = "Utile",
        ["Not helpful"] = "Pas utile",
        ["Yes"] = "Oui",
        ["No"] = "Non",
        ["Replies to \"Was this helpful?\" per topic"] = "Réponses à « Cette réponse vous a aidé ? » par sujet",
        ["Model versus fallback"] = "Modèle ou réponse de secours",
        ["No answers from content yet."] = "Pas encore de réponses tirées des contenus.",
        ["Answers from content by how they were phrased"] = "Réponses tirées des contenus, selon leur rédaction",
        ["Phrased by"] = "Rédigée par",
        ["Answers"] = "Réponses",
        ["Share"] = "Part",
        ["Model"] = "Modèle",
        ["Fallback"] = "Texte validé (secours)",
        ["Campaign results"] = "Résultats des campagnes",
        ["No campaigns yet."] = "Pas encore de campagnes.",
        ["Campaign"] = "Campagne",
        ["Targeted"] = "Ciblés",
        ["Sent"] = "Envoyés",
        ["Delivered"] = "Remis",
        ["Failed"] = "Échecs",
        ["Skipped"] = "Ignorés",
        ["active"] = "active",
        ["paused"] = "en pause",
        ["cancelled"] = "annulée",
        ["Declined: not a topic the bot covers"] = "Refusé : sujet non couvert par le bot",
        ["Not understood"] = "Non compris",
        ["Referred to a health worker"] = "Orienté vers un agent de santé",
        ["Low confidence: weak match with the content"] = "Confiance faible : correspondance faible avec les contenus",
        ["Model answer failed the check: curated text sent"] = "Réponse du modèle refusée par la vérification : texte validé envoyé",
        ["Negative feedback: the answer did not help"] = "Avis négatif : la réponse n'a pas aidé",
        ["Export to content files"] = "Exporter vers les fichiers de contenu",
    };

    public static string Language(HttpContext http)
    {
        var chosen = http.Request.Cookies[CookieName];
        if (chosen is "en" or "fr")
        {
            return chosen;
        }

        var header = http.Request.Headers.AcceptLanguage.ToString();
        return header.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "en";
    }

    public static string T(this HttpContext http, string english) => Get(Language(http), english);

    public static string Get(string language, string english) =>
        language == "fr" && Fr.TryGetValue(english, out var french) ? french : english;
}
