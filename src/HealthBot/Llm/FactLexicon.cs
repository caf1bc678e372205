namespace HealthBot.Llm;

/// <summary>
/// Words the groundedness check must recognise in all five content languages, folded (lower case, no Latin
/// accents): units that make a number a dose or a duration, numbers written as words, and names of medicines,
/// tests and vaccines. Words that are also everyday words ("one", "un", "um", Hindi "दो" = give) are left out.
/// </summary>
public static class FactLexicon
{
    /// <summary>Unit word → canonical unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = Expand(new Dictionary<string, string>
    {
        ["second"] = "second seconds sec secs seconde secondes segundo segundos sekunde sekunde सेकंड",
        ["minute"] = "minute minutes min mins minuto minutos dakika मिनट",
        ["hour"] = "hour hours hr hrs h heure heures hora horas saa घंटे घंटा घंटों",
        ["day"] = "day days jour jours journee dia dias siku दिन दिनों",
        ["week"] = "week weeks semaine semaines semana semanas wiki हफ्ते हफ्ता हफ़्ते हफ़्ता हफ्तों सप्ताह",
        ["month"] = "month months mois mes meses mwezi miezi महीने महीना महीनों माह",
        ["year"] = "year years yr yrs an ans annee annees ano anos mwaka miaka साल वर्ष",
        ["times"] = "time times fois vez vezes mara बार",
        ["dose"] = "dose doses dosi dozi खुराक",
        ["tablet"] = "tablet tablets pill pills comprime comprimes comprimido comprimidos gelule gelules kidonge vidonge गोली गोलियां गोलियाँ",
        ["mg"] = "mg milligram milligrams milligramme milligrammes miligrama miligramas मिलीग्राम",
        ["ml"] = "ml millilitre millilitres milliliter milliliters mililitro mililitros मिलीलीटर",
        ["kg"] = "kg kilo kilos kilogram kilograms kilogramme kilogrammes quilo quilos kilogramu किलो",
        ["litre"] = "litre litres liter liters litro litros lita लीटर",
        ["cup"] = "cup cups tasse tasses chavena chavenas copo copos kikombe vikombe कप",
        ["glass"] = "glass glasses verre verres glasi गिलास",
        ["spoon"] = "spoon spoons teaspoon teaspoons tablespoon cuillere cuilleres colher colheres kijiko vijiko चम्मच",
        ["drop"] = "drop drops goutte gouttes gota gotas tone matone बूंद बूँद",
        ["packet"] = "packet packets sachet sachets saqueta saquetas pacote pacotes pakiti पैकेट",
        ["percent"] = "percent pourcent porcento asilimia प्रतिशत",
        ["degree"] = "degree degrees degre degres grau graus nyuzi डिग्री",
    });

    /// <summary>Number word → the number it stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> NumberWords = Expand(new Dictionary<string, string>
    {
        ["2"] = "two deux dois duas mbili", ["3"] = "three trois tres tatu तीन", ["4"] = "four quatre quatro nne चार",
        ["5"] = "five cinq cinco tano पांच पाँच", ["6"] = "six seis sita छह छः", ["7"] = "seven sept sete saba सात",
        ["8"] = "eight huit oito nane आठ", ["9"] = "nine neuf nove tisa नौ", ["10"] = "ten dix dez kumi दस",
        ["11"] = "eleven onze", ["12"] = "twelve douze doze बारह", ["20"] = "twenty vingt vinte ishirini बीस",
        ["30"] = "thirty trente trinta thelathini तीस", ["40"] = "forty quarante quarenta arobaini चालीस",
        ["50"] = "fifty cinquante cinquenta hamsini पचास", ["100"] = "hundred cent cem mia सौ",
        ["1000"] = "thousand mille mil elfu हजार हज़ार", ["12 "] = "dozen douzaine duzia दर्जन",
    });

    /// <summary>Medicines, tests and vaccines (and their classes): none may appear unless the source names it.</summary>
    public static readonly IReadOnlyList<string> MedicalTerms =
    [
        "paracetamol", "acetaminophen", "panadol", "ibuprofen", "aspirin", "diclofenac", "amoxicillin", "amoxicilline",
        "amoxicilina", "ampicillin", "penicillin", "gentamicin", "ceftriaxone", "ciprofloxacin", "metronidazole", "flagyl",
        "doxycycline", "azithromycin", "erythromycin", "cotrimoxazole", "co-trimoxazole", "septrin", "bactrim",
        "chloroquine", "quinine", "artemether", "lumefantrine", "artesunate", "coartem", "primaquine", "mefloquine",
        "amodiaquine", "sulfadoxine", "pyrimethamine", "fansidar", "piperaquine", "metformin", "insulin", "insuline",
        "insulina", "glibenclamide", "amlodipine", "enalapril", "losartan", "hydrochlorothiazide", "nifedipine",
        "atenolol", "tenofovir", "lamivudine", "dolutegravir", "efavirenz", "nevirapine", "zidovudine", "abacavir",
        "lopinavir", "ritonavir", "isoniazid", "rifampicin", "rifapentine", "pyrazinamide", "ethambutol", "streptomycin",
        "bedaquiline", "albendazole", "mebendazole", "praziquantel", "ivermectin", "fluconazole", "nystatin",
        "misoprostol", "oxytocin", "mifepristone", "levonorgestrel", "medroxyprogesterone", "depo-provera", "sayana",
        "jadelle", "implanon", "nexplanon", "prednisolone", "dexamethasone", "salbutamol", "adrenaline", "epinephrine",
        "tramadol", "codeine", "morphine", "diazepam", "omeprazole", "loperamide", "ondansetron", "promethazine",
        "cetirizine", "antivenom", "antivenin", "antivenimeux", "antibiotic", "antibiotics", "antibiotique",
        "antibiotiques", "antibiotico", "antibioticos", "antibiotiki", "एंटीबायोटिक", "antimalarial", "antipaludique",
        "painkiller", "painkillers", "antalgique", "analgesico", "arv", "arvs", "antiretroviral", "antiretroviraux",
        "antirretroviral", "prep", "pep", "bcg", "opv", "ipv", "pentavalent", "dtp", "dpt", "dtap", "hib", "hpv", "pcv",
        "mmr", "rotarix", "rotavac", "rdt", "genexpert", "xpert", "cd4", "hba1c", "elisa", "widal", "microscopy",
        "ultrasound", "echographie", "ultrassom", "x-ray", "radiographie", "अल्ट्रासाउंड", "एक्स-रे", "tetanus toxoid",
        "blood test", "urine test", "prise de sang", "test sanguin", "exame de sangue", "kipimo cha damu", "खून की जांच",
    ];

    /// <summary>Endings of international non-proprietary names (WHO INN stems): a word with one is taken for a medicine.</summary>
    public static readonly IReadOnlyList<string> DrugSuffixes =
    [
        "cillin", "cilline", "cilina", "mycin", "micin", "micine", "oxacin", "floxacin", "azole", "cycline", "ciclina", "navir",
        "tegravir", "buvir", "vudine", "pril", "sartan", "olol", "statin", "dipine", "formin", "profen", "prazole", "tidine",
        "zepam", "zolam", "triptan", "parin", "lukast", "quine", "quina", "artemisinin", "mab", "dotril", "setron", "oxetine",
        "triptyline", "pramine", "peridol", "olone", "semide", "thiazide", "gliptin", "gliflozin", "glitazone", "caine",
        "barbital", "fenac", "oxicam", "coxib", "penem", "ciclovir", "cyclovir", "amivir", "terol",
    ];

    private static Dictionary<string, string> Expand(Dictionary<string, string> groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, words) in groups)
        {
            foreach (var word in Split(words))
            {
                map.TryAdd(word, canonical.Trim());
            }
        }

        return map;
    }

    private static List<string> Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
}
