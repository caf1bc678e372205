using System.Globalization;
using HealthBot.Sms;

namespace HealthBot.Channels.AfricasTalking;

/// <summary>Lays out the menu's screens within <see cref="UssdScreen"/>'s budget, with the person's labels.</summary>
public static class UssdLayout
{
    /// <summary>
    /// GSM-friendly punctuation, and for Latin-script languages the accents GSM-7 lacks dropped (as for SMS), so a
    /// screen keeps its 182 characters instead of 80; Hindi is left as written.
    /// </summary>
    public static string Prepare(string text, string? language) => OutgoingSms.Prepare(text, language);

    /// <summary>A numbered menu, over several screens ("98 More") when its options do not fit one.</summary>
    public static IReadOnlyList<string> Menu(
        string header, IReadOnlyList<string> options, string? footer, UssdLabels labels, int octets)
    {
        var title = Prepare(header, labels.Language);
        var more = $"{UssdMenu.MoreOptions} {labels.More}";
        string Screen(int start, int end) => Join(
        [
            title, .. options.Skip(start).Take(end - start).Select((o, i) => Number(start + i + 1) + " " + o),
            end < options.Count ? more : null, footer,
        ]);

        return UssdScreen.MenuPages(options, (start, end) => UssdScreen.Fits(Screen(start, end), octets))
            .Select(p => Screen(p.Start, p.End)).ToList();
    }

    /// <summary>
    /// An answer: "1 More" under every screen but the last, which offers SMS and help; always back and home.
    /// </summary>
    public static IReadOnlyList<string> Answer(string text, string language, UssdLabels labels, int octets)
    {
        var nav = $"{UssdMenu.Back} {labels.Back} {UssdMenu.Home} {labels.Home}";
        var next = $"1 {labels.More}\n{nav}";
        var last = $"2 {labels.SendSms}\n3 {labels.HelpNow}\n{nav}";
        var pages = UssdScreen.Pages(Prepare(text, language),
            (page, isLast) => UssdScreen.Fits(page + "\n" + (isLast ? last : next), octets));
        return pages.Count == 0 ? [last]
            : pages.Select((page, i) => page + "\n" + (i == pages.Count - 1 ? last : next)).ToList();
    }

    /// <summary>The urgent referral, whole on one screen when it fits; otherwise "1 More" until its end.</summary>
    public static IReadOnlyList<string> Referral(string text, string language, UssdLabels labels, int octets)
    {
        var next = $"1 {labels.More}";
        var pages = UssdScreen.Pages(Prepare(text, language),
            (page, isLast) => UssdScreen.Fits(isLast ? page : page + "\n" + next, octets));
        return pages.Count == 0 ? [labels.HelpNow]
            : pages.Select((page, i) => i == pages.Count - 1 ? page : page + "\n" + next).ToList();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string?> lines) => string.Join('\n', lines.Where(l => l is not null));
}
