namespace HealthBot.Grounding;

/// <summary>
/// Everyday words of each language that curated health content rarely contains but short messages always do.
/// <see cref="FunctionWords"/> (articles, pronouns, question words, auxiliaries) say nothing about the topic, so
/// retrieval weighs them down; <see cref="CommonWords"/> (SMS shorthand, family and time words) help only to tell
/// languages apart. Hindi is listed as people type it in Latin letters.
/// </summary>
internal static class LanguageSeeds
{
    public static readonly IReadOnlyDictionary<string, string> FunctionWords = new Dictionary<string, string>
    {
        ["en"] = "the a an is are was be what how when where why who which can could should do does did i im my me " +
                 "you your u ur he she his her it its we our they them this that there and or but for with of to in " +
                 "on at from have has had get got not no yes please pls plz wat hw wen wht whn shud cn dont cant " +
                 "will would am been much many long time often r gonna wanna gotta",
        ["fr"] = "le la les l un une des du de d et ou mais pour avec sans dans sur au aux ce cette ces c est sont " +
                 "suis es ai as a ont je j me m moi tu te toi il elle on nous vous ils elles mon ma mes ton ta tes " +
                 "son sa ses notre votre leur que qu qui quoi comment quand pourquoi combien temps faut faire fait " +
                 "peut peux dois doit pas ne plus tres bien koi kom pr stp svp slt jsuis mn",
        ["sw"] = "ni na ya wa za la cha vya kwa katika kwenye je nini gani vipi lini wapi nani ngapi mimi wewe yeye " +
                 "sisi ninyi wao wangu wako wake yangu yako yake changu langu mwangu nina una ana tuna mna wana sina " +
                 "hana kuna hakuna sana tu pia au lakini nifanye nitafanya naweza unaweza anaweza inaweza nataka " +
                 "sijui tafadhali",
        ["pt"] = "o a os as um uma uns umas de do da dos das no na nos nas em por para com sem que qual quais quando " +
                 "como onde porque eu me mim meu minha meus minhas voce vc tu te ele ela nos eles elas seu sua e ou " +
                 "mas nao sim muito mais esta estou tem tenho faz fazer pode posso devo deve ser foi q pq tb td oq " +
                 "quanto quantos quantas tempo pra pras pro pros num numa dum duma ta to tou ce vcs oque",
        ["hi"] = "kya hai hain ho hoon hu hun tha thi the ka ki ke ko me mein se par pe aur ya lekin bhi to toh nahi " +
                 "nahin na haan ji main mai mujhe mera meri mere hum hamara tum aap apna apni uska uski unka koi " +
                 "kuch kaise kaisa kab kahan kyun kyu karu karun kare karein karna kar raha rahi rahe hota hoti hote " +
                 "gaya gayi liye wala wali kitna kitne kitni chahiye kisi kis jo wo woh ye yeh iske uske unke sakta " +
                 "sakti sakte क्या है हैं हो हूँ था थी के की का को में से पर और या भी तो नहीं मैं मुझे मेरा मेरी " +
                 "मेरे हम आप कैसे कब कहाँ क्यों करें करूँ कर रहा रही रहता रहती रहते होता होती होते कितना कितने कितनी " +
                 "तक चाहिए बहुत सिर्फ कौन कोई कुछ",
    };

    public static readonly IReadOnlyDictionary<string, string> CommonWords = new Dictionary<string, string>
    {
        ["en"] = "day days week weeks month months year years old baby child son daughter husband wife mother father " +
                 "n v w wk wks yr yrs mth mths hr hrs b4 coz cuz bcoz bcz abt bt nt hv hav wud cud ppl frm thru tho " +
                 "wid wit gud nyt tmrw 2day",
        ["fr"] = "bcp tjrs dmd ya enfant bebe fils fille mari femme jour jours semaine mois an ans depuis hier demain",
        ["sw"] = "sasa hivi leo jana kesho siku wiki mwezi miezi mwaka mtoto watoto mama baba mume mke nyumbani kitu " +
                 "bado",
        ["pt"] = "filho filha bebe marido mulher dia dias semana semanas mes meses ano anos depois",
        ["hi"] = "bahut bohot jyada zyada kam din hafte mahine saal baccha bacche bachcha bachche beta beti patni " +
                 "pati ghar abhi kal aaj " +
                 // How Hinglish is texted: vowels dropped ("rha", "nhi", "kr"), "h" for "hai", "batao" for "tell me".
                 "h hn rha rhi rhe nhi nai kr kro krna krte krti krta mjhe mujhko mko hme tm ap bhut bht ky kyaa " +
                 "kb kha kaha kese kesa kon kaun btao batao bataye bataiye btaiye btana batana lg lga lgta " +
                 "lagta lagti lagte hua hui hue gya gyi gye diya liya dena lena jata jati jate karta karti karte " +
                 "chahie chaiye chahye skta skti skte hoga hogi honge aata aati aate wala vala",
    };

    /// <summary>
    /// Words of everyday subjects the bot does not cover (prices, weather, sport, politics, school, work, phones).
    /// Retrieval never matches them to content, so a question built around them is declined rather than answered
    /// from a health item that happens to share a word ("rice" in "price of rice" and in "rice water").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OffTopicWords = new Dictionary<string, string>
    {
        // By subject: money and shopping, weather, sport and its clubs, politics, school, work, phones and mobile
        // money, entertainment, cooking, religion's timetable, travel, school exams, farming. Words health questions
        // also use ("cost" of a test, "school" with TB, "tempo" in "quanto tempo", "exercice" for blood pressure,
        // "examen"/"exame" and "results" of a test, "kupanda" for rising pressure) are left out.
        ["en"] = "price prices market weather forecast rain sunny football soccer basketball league arsenal chelsea " +
                 "manchester liverpool match score team won win election vote president government politics " +
                 "homework assignment essay maths math mathematics fractions physics chemistry geography recipe " +
                 "job jobs salary airtime bundle credit loan phone safaricom airtel vodacom mtn mpesa wifi movie " +
                 "film series netflix song lyrics music joke funny story church pastor mosque bus fare ticket flight " +
                 "exam exams kcse kcpe waec neco jamb fertilizer fertiliser planting harvest seeds",
        ["fr"] = "prix marche meteo pluie pleuvoir pleut football foot match equipe gagne psg ligue championnat " +
                 "election president gouvernement politique devoir devoirs maths mathematiques recette " +
                 "travail emploi salaire credit forfait unites transferer telephone " +
                 "film serie chanson musique blague priere mosquee eglise messe bus billet coute coutent " +
                 "thieboudienne attieke bepc concours engrais semer semis recolte",
        ["sw"] = "bei soko hali hewa mvua mpira mechi timu ilishinda alishinda yanga arsenal goli uchaguzi rais " +
                 "serikali siasa kazi mshahara salio vocha bando mkopo simu safaricom airtel mpesa filamu sinema " +
                 "wimbo nyimbo utani mzaha joke vichekesho " +
                 "kuchekesha hadithi mapishi hesabu homework nauli tiketi basi mtihani kcse kcpe mbolea " +
                 "mavuno mbegu",
        ["pt"] = "preco precos mercado chuva chover chove futebol jogo time equipa ganhou golo gol campeonato " +
                 "flamengo benfica sporting corinthians palmeiras eleicao presidente governo politica licao dever " +
                 "matematica trabalho emprego salario saldo credito recarga megas telefone vodacom movitel mpesa " +
                 "filme novela musica piada anedota receita custa custam igreja missa culto passagem bilhete " +
                 "chapa onibus enem vestibular prova adubo plantar colheita sementes",
        ["hi"] = "daam kimat keemat bhav bhaav bazaar mausam barish baarish cricket ipl match team jeeta chunav neta " +
                 "sarkar homework ganit naukri tankhwah salary recharge balance jio airtel film movie gaana " +
                 "chutkula chutkule joke kahani recipe pariksha board khad beej instructions instruction prompt " +
                 "निर्देश कीमत दाम भाव बाज़ार बाजार मौसम बारिश क्रिकेट मैच चुनाव " +
                 "नौकरी रिचार्ज फिल्म गाना चुटकुला कहानी होमवर्क रेसिपी",
    };

    public static IEnumerable<string> All(string language) =>
        new[] { FunctionWords, CommonWords }.Select(d => d.GetValueOrDefault(language) ?? string.Empty);
}
