using System.Globalization;

namespace HealthBot.Campaigns;

/// <summary>
/// Reads a date as people type it by SMS: <c>2027-03-15</c>, <c>15/3/2027</c>, <c>15.03.27</c>, <c>15 March 2027</c>,
/// <c>mars 15 2027</c>, <c>15 machi 2027</c>, <c>15 de março de 2027</c>. Numbers are read day first (as in all five
/// languages), unless the first is a year or the second cannot be a month.
/// </summary>
public static class LenientDate
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Dialog.TextNormalizer.Normalize(text).Folded
            .Split([' ', '/', '-', '.', ',', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("de" or "of" or "the" or "le" or "tarehe"))
            .ToList();
        var numbers = words.Where(w => w.All(char.IsAsciiDigit)).Select(w => (Text: w, Value: int.Parse(w, CultureInfo.InvariantCulture))).ToList();
        var month = words.Select(w => Months.TryGetValue(w, out var m) ? m : 0).FirstOrDefault(m => m > 0);
        return (numbers.Count, month) switch
        {
            (3, 0) when numbers[0].Text.Length == 4 => Make(numbers[0].Value, numbers[1].Value, numbers[2].Value),
            (3, 0) when numbers[1].Value > 12 => Make(Year(numbers[2]), numbers[0].Value, numbers[1].Value),
            (3, 0) => Make(Year(numbers[2]), numbers[1].Value, numbers[0].Value),
            (2, > 0) when numbers[0].Text.Length == 4 => Make(numbers[0].Value, month, numbers[1].Value),
            (2, > 0) => Make(Year(numbers[1]), month, numbers[0].Value),
            _ => null,
        };
    }

    private static int Year((string Text, int Value) number) => number.Text.Length == 2 ? 2000 + number.Value : number.Value;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static Dictionary<string, int> BuildMonths()
    {
        string[] lists =
        [
            "january february march april may june july august september october november december",
            "jan feb mar apr may jun jul aug sep oct nov dec",
            "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
            "januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba",
            "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
            "janavari faravari march aprail mai joon julai agast sitambar aktoobar navambar disambar",
            "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
            "जनवरी फरवरी मार्च अप्रेल मई जून जुलाई अगस्त सितम्बर अक्तूबर नवम्बर दिसम्बर",
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var names = list.Split(' ');
            for (var i = 0; i < names.Length; i++)
            {
                months.TryAdd(Dialog.TextNormalizer.Normalize(names[i]).Folded, i + 1);
            }
        }

        return months;
    }
}
