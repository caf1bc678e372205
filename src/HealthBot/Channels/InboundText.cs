namespace HealthBot.Channels;

/// <summary>What every channel does to inbound text before it is stored.</summary>
public static class InboundText
{
    /// <summary>
    /// Drops control characters (NUL, escape, bell...) but keeps line breaks and tabs: they carry no meaning for the
    /// dialog, PostgreSQL text cannot hold NUL, and a message with one must still be answered rather than lost.
    /// </summary>
    public static string Clean(string text)
    {
        if (!text.Any(IsDropped))
        {
            return text;
        }

        return string.Concat(text.Where(c => !IsDropped(c)));
    }

    private static bool IsDropped(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');
}
