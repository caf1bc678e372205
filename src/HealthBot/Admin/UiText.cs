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
        ["Model versus fallback rates are not recorded yet."] = "Les taux modèle / réponse de secours ne sont pas encore enregistrés.",
        ["Export to content files"] = "Exporter vers les fichiers de contenu",
        ["Campaigns"] = "Campagnes",
        ["Campaign"] = "Campagne",
        ["Jobs"] = "Tâches",
        ["New campaign"] = "Nouvelle campagne",
        ["No campaigns yet."] = "Aucune campagne pour l'instant.",
        ["Name"] = "Nom",
        ["State"] = "État",
        ["Schedule"] = "Calendrier",
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
        ["Test sends count toward no report."] = "Les envois de test ne comptent dans aucun rapport.",
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
