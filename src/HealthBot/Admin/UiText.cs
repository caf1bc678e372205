namespace HealthBot.Admin;

/// <summary>
/// The workspace's words in English, French, Swahili, Portuguese and Hindi. Dictionaries keep translators out of C#;
/// a missing entry falls back to English so a page never shows a key, and UiTextTests fails for it.
/// </summary>
public static partial class UiText
{
    public const string CookieName = "hb-ui-lang";

    private static readonly Dictionary<string, string> Fr = new(StringComparer.Ordinal)
    {
        ["Sign in"] = "Se connecter",
        ["Provider down:"] = "Fournisseur en panne :",
        ["since"] = "depuis",
        ["Replies wait in the outbox and leave when it is back."] =
            "Les réponses attendent dans la file d'envoi et partiront à son retour.",
        ["Sign out"] = "Se déconnecter",
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["Wrong email or password. After too many failed attempts an account is locked for a while: wait and try again."] =
            "Adresse e-mail ou mot de passe incorrect. Après trop d'échecs, un compte est bloqué pour un moment : patientez puis réessayez.",
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
        ["This edit changed since you opened it: nothing was published. Read the new text below before you publish."] =
            "Cette modification a changé depuis que vous l'avez ouverte : rien n'a été publié. Relisez le nouveau texte ci-dessous avant de publier.",
        ["Status"] = "État",
        ["enabled"] = "activé",
        ["disabled"] = "désactivé",
        ["Change role"] = "Changer le rôle",
        ["Disable"] = "Désactiver",
        ["Enable"] = "Réactiver",
        ["Set password"] = "Nouveau mot de passe",
        ["New password"] = "Nouveau mot de passe",
        ["You cannot change the role of your own account or disable it."] =
            "Vous ne pouvez pas changer le rôle de votre propre compte ni le désactiver.",
        ["At least 12 characters; not a common password, a run like 123456 or the name of the email address. A few words of your own work well."] =
            "Au moins 12 caractères ; pas un mot de passe courant, une suite comme 123456 ni le nom de l'adresse e-mail. Quelques mots à vous conviennent bien.",
        ["When"] = "Quand",
        ["Who"] = "Qui",
        ["Action"] = "Action",
        ["Urgent alerts"] = "Alertes urgentes",
        ["follow-up messages"] = "messages de suite",
        ["latest"] = "dernier à",
        ["Flagged conversations"] = "Conversations signalées",
        ["Contact"] = "Contact",
        ["Reply"] = "Répondre",
        ["Send"] = "Envoyer",
        ["Take over"] = "Prendre la main",
        ["Resolve and hand back"] = "Résoudre et rendre au bot",
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
        ["Campaigns"] = "Campagnes",
        ["Campaign"] = "Campagne",
        ["Jobs"] = "Tâches",
        ["New campaign"] = "Nouvelle campagne",
        ["No campaigns yet."] = "Aucune campagne pour l'instant.",
        ["Name"] = "Nom",
        ["State"] = "État",
        ["Schedule"] = "Calendrier",
        ["once at {0} {1}"] = "une fois, le {0} ({1})",
        ["recurring, cron '{0}' in {1}"] = "récurrente, cron « {0} » ({1})",
        ["relative to {0}: {1} to {2} every {3} at {4}:00"] = "par rapport à {0} : de {1} à {2}, tous les {3}, à {4} h",
        ["Targeted"] = "Ciblés",
        ["Sent"] = "Envoyés",
        ["Delivered"] = "Remis",
        ["Failed"] = "Échecs",
        ["Queued"] = "En file",
        ["Skipped"] = "Ignorés",
        ["Opted out after"] = "Désabonnés ensuite",
        ["Replies"] = "Réponses",
        ["Report"] = "Rapport",
        ["active"] = "active",
        ["paused"] = "en pause",
        ["cancelled"] = "annulée",
        ["Messages"] = "Messages",
        ["Text"] = "Texte",
        ["The campaign was not saved. Please correct:"] = "La campagne n'a pas été enregistrée. Veuillez corriger :",
        ["Audience now:"] = "Audience actuelle :",
        ["Audience now"] = "Audience actuelle",
        ["contacts"] = "contacts",
        ["Campaign definition (JSON)"] = "Définition de la campagne (JSON)",
        ["Schedule kind: once (at, timeZone), recurring (cron, timeZone) or relative (field, from, to, every, hour). One text per language: en, fr, sw, pt, hi. {n} is the message number."] = "Type de calendrier : once (at, timeZone), recurring (cron, timeZone) ou relative (field, from, to, every, hour). Un texte par langue : en, fr, sw, pt, hi. {n} est le numéro du message.",
        ["Preview audience"] = "Aperçu de l'audience",
        ["Create campaign"] = "Créer la campagne",
        ["Channels"] = "Canaux",
        ["Channel"] = "Canal",
        ["Created"] = "Créée le",
        ["Change"] = "Modifier",
        ["Pause"] = "Mettre en pause",
        ["Resume"] = "Reprendre",
        ["Cancel campaign"] = "Annuler la campagne",
        ["Test send"] = "Envoi de test",
        ["Phone number (international format)"] = "Numéro de téléphone (format international)",
        ["The contact's language"] = "La langue du contact",
        ["Send test message"] = "Envoyer un message de test",
        ["Test message queued."] = "Message de test mis en file.",
        ["Not sent:"] = "Non envoyé :",
        ["Nothing changed: the campaign is"] = "Rien n'a changé : la campagne est",
        ["A cancelled campaign sends nothing more and cannot be resumed."] = "Une campagne annulée n'envoie plus rien et ne peut pas reprendre.",
        ["Definition"] = "Définition",
        ["Guided form"] = "Formulaire guidé",
        ["Audience"] = "Audience",
        ["Groups (comma-separated; a contact must be in every one)"] = "Groupes (séparés par des virgules ; un contact doit être dans chacun)",
        ["Custom fields (e.g. district=Kisumu; clinic=North)"] = "Champs personnalisés (par ex. district=Kisumu; clinic=North)",
        ["Date field, and the dates it must fall between"] = "Champ de date, et les dates entre lesquelles il doit tomber",
        ["From date"] = "Date de début",
        ["To date"] = "Date de fin",
        ["Once, at a date and time"] = "Une fois, à une date et une heure",
        ["Recurring (cron)"] = "Récurrent (cron)",
        ["Relative to a contact date field"] = "Relatif à une date du contact",
        ["Time zone (IANA, e.g. Africa/Nairobi; empty: UTC)"] = "Fuseau horaire (IANA, par ex. Africa/Nairobi ; vide : UTC)",
        ["Once: date and time"] = "Une fois : date et heure",
        ["Recurring: cron (e.g. 0 9 * * MON)"] = "Récurrent : cron (par ex. 0 9 * * MON)",
        ["Relative: contact date field"] = "Relatif : champ de date du contact",
        ["Relative: first and last offset, and how often (e.g. -36w, +12w, 1w)"] = "Relatif : premier et dernier décalage, et fréquence (par ex. -36w, +12w, 1w)",
        ["Relative: delivery hour in the contact's time zone"] = "Relatif : heure d'envoi dans le fuseau du contact",
        ["Relative: number of the first message ({n})"] = "Relatif : numéro du premier message ({n})",
        ["Message in each language"] = "Message dans chaque langue",
        ["Check and fill in the definition"] = "Vérifier et remplir la définition",
        ["Test sends count toward no report."] = "Les envois de test ne comptent dans aucun rapport.",
    };

    /// <summary>The workspace's languages, as the bot's: English first (the keys), then their names in themselves.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
        [("en", "English"), ("fr", "Français"), ("sw", "Kiswahili"), ("pt", "Português"), ("hi", "हिन्दी")];

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Tables = new(Build);

    public static bool IsLanguage(string? code) => Languages.Any(l => l.Code == code);

    public static string Language(HttpContext http)
    {
        var chosen = http.Request.Cookies[CookieName];
        if (IsLanguage(chosen))
        {
            return chosen!;
        }

        var header = http.Request.Headers.AcceptLanguage.ToString();
        return Languages.FirstOrDefault(l => header.StartsWith(l.Code, StringComparison.OrdinalIgnoreCase)).Code ?? "en";
    }

    public static string T(this HttpContext http, string english) => Get(Language(http), english);

    /// <summary>The text in <paramref name="language"/>; English when it has no entry (a test keeps that from happening).</summary>
    public static string Get(string language, string english) =>
        Tables.Value.TryGetValue(language, out var table) && table.TryGetValue(english, out var text) ? text : english;

    /// <summary>Every translated text by language, for the completeness test.</summary>
    public static IReadOnlyDictionary<string, string> Table(string language) =>
        Tables.Value.TryGetValue(language, out var table) ? table : new Dictionary<string, string>();

    private static Dictionary<string, Dictionary<string, string>> Build()
    {
        var fr = new Dictionary<string, string>(Fr, StringComparer.Ordinal);
        foreach (var (key, value) in FrHandoffAndReach)
        {
            fr[key] = value;
        }

        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["fr"] = fr,
            ["sw"] = new(Sw, StringComparer.Ordinal),
            ["pt"] = new(Pt, StringComparer.Ordinal),
            ["hi"] = new(Hi, StringComparer.Ordinal),
        };
        foreach (var (key, (f, sw, pt, hi)) in Day.Concat(InboxWords).Concat(BoxWords).Concat(EditingWords)
            .Concat(RuleChangeWords).Concat(TriageParserWords).Concat(LanguageWords).Concat(CampaignWords)
            .Concat(StatusWords).Concat(AlertWords).Concat(AuditWords).Concat(CheckWords))
        {
            (tables["fr"][key], tables["sw"][key], tables["pt"][key], tables["hi"][key]) = (f, sw, pt, hi);
        }

        return tables;
    }
}
