namespace HealthBot.Safety;

/// <summary>Edit distance for misspelt danger words: one letter added, dropped, changed, or two swapped.</summary>
internal static class Spelling
{
    /// <summary>Some start of <paramref name="word"/> is at most one edit from <paramref name="pattern"/>.</summary>
    public static bool NearPrefix(string word, string pattern)
    {
        for (var length = pattern.Length - 1; length <= pattern.Length + 1; length++)
        {
            if (length <= word.Length && Distance(word.AsSpan(0, length), pattern) <= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent swaps), stopping early above 1.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
