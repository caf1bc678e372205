namespace HealthBot.Safety;

/// <summary>
/// Built-in triage data used when a language's triage.md does not give its own (<c>## affected: NAME</c>,
/// <c>## calm</c>). Phrases are alternatives separated by |, as in the rule files.
/// </summary>
internal static class TriageDefaults
{
    /// <summary>
    /// Who is affected, in order of precedence (a newborn before a child), and the topics that fit them, best first.
    /// A rule for a person-specific topic (or an emergency rule without one) gets the affected person's topic.
    /// </summary>
    public static readonly (string Name, string Topics, Dictionary<string, string> Words)[] Affected =
    [
        ("newborn", "newborn-danger-signs", new()
        {
            ["en"] = "newborn | new born | days old | day old | week old | weeks old | just born | born yesterday | " +
                     "born today | new baby",
            ["fr"] = "nouveau ne | nouveau-ne | nouveaux nes | jours de vie | vient de naitre | ne hier | nee hier | " +
                     "ne ce matin",
            ["sw"] = "mchanga | kichanga | amezaliwa jana | amezaliwa leo | alizaliwa jana | siku za kuzaliwa",
            ["pt"] = "recem nascido | recem-nascido | recem nascida | dias de vida | nasceu ontem | nasceu hoje",
            ["hi"] = "नवजात | navjaat | navjat | abhi paida | अभी पैदा | din ka bachcha | दिन का बच्चा",
        }),
        ("postpartum", "postpartum-care", new()
        {
            ["en"] = "after birth | after giving birth | gave birth | after delivery | since delivery | " +
                     "since i delivered | delivered | after childbirth | since the birth | after the birth | " +
                     "had my baby | had the baby | had a baby | baby was born | since my baby was born",
            ["fr"] = "apres l accouchement | apres accouchement | depuis l accouchement | j ai accouche | accouche | " +
                     "apres la naissance | apres avoir accouche | j ai eu mon bebe | j ai eu le bebe | j ai eu un bebe",
            ["sw"] = "baada ya kujifungua | tangu nijifungue | nilijifungua | alijifungua | amejifungua | " +
                     "baada ya kuzaa | tangu kujifungua | nimejifungua | nilizaa | nimezaa",
            ["pt"] = "depois do parto | apos o parto | pos parto | pos-parto | dei a luz | desde o parto | " +
                     "depois de dar a luz | deu a luz | tive bebe | tive o bebe | tive a bebe | tive o meu bebe | " +
                     "tive a minha bebe | o bebe nasceu | ganhei bebe | ganhei o bebe",
            ["hi"] = "डिलीवरी के बाद | delivery ke baad | delivery ke bad | प्रसव के बाद | prasav ke baad | " +
                     "बच्चा होने के बाद | bachcha hone ke baad | bachcha hua | baby hua | delivery hui | " +
                     "बच्चा हुआ | डिलीवरी हुई",
        }),
        ("pregnancy", "pregnancy-danger-signs | antenatal-care", new()
        {
            ["en"] = "pregnant | pregnancy | months gone | expecting",
            ["fr"] = "enceinte | grossesse",
            ["sw"] = "mjamzito | ujauzito | mimba",
            ["pt"] = "gravida | gravidez | gestante",
            ["hi"] = "गर्भवती | garbhvati | pregnant | गर्भ | प्रेगनेंट",
        }),
        ("child", "fever-child | pneumonia-child | diarrhoea-ors", new()
        {
            ["en"] = "child | son | daughter | baby | toddler | kid | boy | girl | months old | years old | year old",
            ["fr"] = "enfant | fils | fille | bebe | garcon | petit | ans | mois",
            ["sw"] = "mtoto | watoto | mwanangu | binti | mvulana | msichana | miaka | miezi",
            ["pt"] = "crianca | filho | filha | bebe | menino | menina | anos | meses",
            ["hi"] = "बच्चा | बच्चे | बच्ची | बेटा | बेटी | bachcha | bacha | bachche | baccha | beta | beti | " +
                     "saal | साल",
        }),
    ];

    /// <summary>
    /// Candidate topics of rules whose file gives no <c>topics:</c> line, by rule name: after the referral, the one
    /// that fits who is affected is sent (a convulsing child gets the child's danger signs, not pregnancy's).
    /// </summary>
    public static readonly Dictionary<string, string> RuleTopics = new()
    {
        ["convulsions"] = "newborn-danger-signs | pregnancy-danger-signs | postpartum-care | fever-child",
        ["unconscious"] = "newborn-danger-signs | pregnancy-danger-signs | postpartum-care | fever-child",
        ["not-breathing"] = "newborn-danger-signs | pneumonia-child",
        ["severe-bleeding"] = "postpartum-care | pregnancy-danger-signs",
    };

    /// <summary>
    /// Words that weigh against an emergency happening now: mild ("a little"), past ("last year"), or asking whether
    /// something is normal or how to prevent it. Each counts twice as much as an asking phrase.
    /// </summary>
    public static readonly Dictionary<string, string> Calm = new()
    {
        ["en"] = "a little | a bit | slightly | last year | last month | years ago | months ago | in the past | " +
                 "used to | is that normal | is this normal | is it normal | how to prevent | how can i prevent | " +
                 "how do i prevent | prevent | " +
                 // Protecting someone FROM a danger is prevention; storing a poison is not swallowing it.
                 "how can i protect | how to protect | how do i protect | protect my child from | " +
                 "protect my kids from | protect children from | where do i store | where to store | " +
                 "how should i store | where can i store | " +
                 "is better now | is fine now | is ok now | is okay now | doing better now | better now | " +
                 "happening again | happen again | im ok now | i am ok now | im fine now | feeling fine | is fine | " +
                 "timepast | as a teen | as a child | when i was | last pregnancy | previous pregnancy | " +
                 "first pregnancy | " +
                 "try again | trying again | next pregnancy | old scars | scars are old | survived | small scratch | " +
                 "just a scratch | only a scratch | " +
                 // Talking about it, not living it: homework, a TV story, statistics, buying for the shop.
                 "homework | school project | project on | assignment | essay | presentation on | " +
                 "awareness | statistics | stats on | facts on | send facts | on tv | tv drama | " +
                 "drama | a film | a movie | the series | tv series | soap opera | in the story | " +
                 "on the news | bias | training | for the shop | for my shop | for the farm | " +
                 "where can i buy | away from children | bleeding stopped | " +
                 // Hearsay, myths, teaching others, getting ready: nothing is happening.
                 "witchcraft | is it true that | want to be ready | want to be prepared | be prepared | " +
                 "awareness | for a class | for a school | for a poster | for a talk | " +
                 "training session | " +
                 // Storing poisons and counting breaths ahead of time.
                 "where to keep | where should i keep | out of reach | how to count | how do i count | " +
                 // Where to keep, store or put away a poison: no one has swallowed it. Not "where do I put" or
                 // "can't reach": those are also said in an emergency (pressure on a wound, the clinic).
                 "safest place | safe place to | place to keep | place to store | where do i keep | " +
                 "how do i store | how to put away | put away the | lock away | lock up the | " +
                 "on the radio | on the news",
        ["fr"] = "un peu | l annee derniere | l an dernier | il y a des annees | autrefois | est ce normal | " +
                 "c est normal | " +
                 "comment proteger | proteger mon enfant | proteger ma fille | proteger mon fils | " +
                 "proteger les enfants | " +
                 "ou garder | ou stocker | ou je range | ou mettre | " +
                 "comment prevenir | comment eviter | prevenir | va mieux | va bien maintenant | que ca recommence | " +
                 "que ca se reproduise | ne recommence pas | ne se reproduise pas | l annee passee | timepast | " +
                 "premier accouchement | derniere grossesse | " +
                 "grossesse precedente | il va bien | elle va bien | va bien maintenant | cicatrice | " +
                 // Talking about it, not living it: homework, a TV story, statistics, buying for the shop.
                 "devoir de classe | devoir | expose sur | projet d ecole | projet scolaire | " +
                 "sensibilisation | statistiques | des chiffres | a la tele | a la tv | un film | " +
                 "la serie | dans la serie | feuilleton | dans l histoire | aux infos | formation | " +
                 "pour la boutique | pour le champ | ou acheter | eloigner | loin des enfants | " +
                 "hors de portee | saignement fini | " +
                 "sorcellerie | c est vrai | est ce vrai | je vais bien | sensibilisation | pour un expose | " +
                 "pour l ecole | " +
                 "pour une affiche | etre pret | etre prete | hors de portee | ou ranger | " +
                 "comment ranger | " +
                 "ou garder | ou mettre | ou la mettre | ou le mettre | comment garder | comment stocker | " +
                 "ou conserver | ou cacher | ne la trouvent pas | ne le trouvent pas | loin des enfants | " +
                 "endroit le plus sur | endroit sur | pour ranger | pour stocker | " +
                 "comment compter | a la radio | a la tele",
        ["sw"] = "kidogo | mwaka jana | miaka iliyopita | zamani | ni kawaida | je ni kawaida | kuzuia | " +
                 "jinsi ya kuzuia | " +
                 "jinsi ya kumlinda | jinsi ya kuwalinda | namna ya kumlinda | namna ya kuwalinda | " +
                 "nitamlinda vipi | " +
                 "nitawalinda vipi | kumlinda mtoto | kuwalinda watoto | nihifadhi wapi | niweke wapi | " +
                 "yuko sawa sasa | sasa yuko sawa | yuko salama sasa | sasa yuko salama | amepona | ameshapona | " +
                 "isitokee tena | isijirudie | isirudie tena | timepast | mimba iliyopita | kovu | yuko poa | " +
                 // The conditional "-ki-" (if someone is bitten, if she stops moving) asks; written out, as calm
                 // phrases match only as written: stemmed, "akiumwa" would be "ameumwa" (has been bitten).
                 "akiumwa | ukiumwa | akibakwa | ukibakwa | akiacha | akipata | ukipata | akizimia | akitokwa | " +
                 "ukitokwa | akiungua | ukiungua | akikunywa | ukikunywa | akimeza | ukimeza | akigongwa | " +
                 "ukigongwa | " +
                 // Talking about it, not living it: homework, a TV story, statistics, buying for the shop.
                 "kazi ya shule | zoezi la shule | mradi wa shule | insha | uhamasishaji | takwimu | " +
                 "kwenye tv | kwenye televisheni | tamthilia | filamu | sinema | kwenye habari | " +
                 "mafunzo | kwa duka | kwa dukani | wapi naweza kununua | ninunue wapi | " +
                 "mbali na watoto | akiwa kijana | alipokuwa mdogo | wanasema | " +
                 "uchawi | ni kweli | ni ukweli | niko poa | niko sawa | nimepona | kusaidia wengine | kuwasaidia | " +
                 "semina | mafunzo | elimu kwa | nihifadhi | kuhifadhi | wasiifikie | mbali na watoto | " +
                 "niiweke wapi | tuiweke wapi | iweke wapi | ziweke wapi | niziweke wapi | iwekwe wapi | " +
                 "kuiweka wapi | nihifadhi wapi | tuihifadhi | kuihifadhi | wasiweze kufikia | wasiifikie | " +
                 "kuhesabu | imepungua | umepungua | redioni | kwenye redio | walisema",
        ["pt"] = "um pouco | um pouquinho | ano passado | anos atras | e normal | isso e normal | como prevenir | " +
                 "como evitar | " +
                 "como proteger | como posso proteger | como protejo | proteger meu filho | proteger minha filha | " +
                 "proteger as criancas | onde guardo | onde eu guardo | onde deixo | onde posso guardar | " +
                 "prevenir | esta melhor | ta melhor | ja esta bem | esta bem agora | aconteca de novo | " +
                 "acontecer de novo | nao se repita | nao volte a acontecer | timepast | anos atras | ha anos | " +
                 "cicatriz | " +
                 "cicatrizes | na adolescencia | quando era crianca | ta bem | to bem | esta bem | " +
                 "gravidez passada | " +
                 "ultima gravidez | primeiro parto | " +
                 // Talking about it, not living it: homework, a TV story, statistics, buying for the shop.
                 "trabalho de escola | trabalho da escola | trabalho escolar | dever de casa | " +
                 "licao de casa | redacao | apresentacao sobre | conscientizacao | estatisticas | " +
                 "dados sobre | na novela | novela | na tv | na televisao | a serie | um filme | " +
                 "no jornal | treinamento | pra loja | para a loja | onde compro | onde comprar | " +
                 "longe das criancas | fora do alcance | " +
                 "feitico | feiticaria | e verdade | isso funciona | dizem que | cartaz | palestra | " +
                 "trabalho da escola | " +
                 "para a escola | fora do alcance | onde guardar | como guardar | como contar | na radio | " +
                 "onde deixar | onde guardamos | onde se guarda | " +
                 "como guardo | lugar seguro | longe das criancas | longe dos miudos | " +
                 "lugar mais seguro | mais seguro para | " +
                 "na televisao",
        ["hi"] = "थोड़ा | थोड़ी | thoda | thodi | पिछले साल | pichhle saal | pichle saal | normal hai | सामान्य है | " +
                 "kaise bache | " +
                 // "Bachana" is also to save: only "se kaise bachaye" (protect FROM) is prevention, not "ab kaise bachaye".
                 "se kaise bachaye | se kaise bachayen | से कैसे बचाएं | से कैसे बचाएँ | surakshit kaise | " +
                 "सुरक्षित कैसे | kahan rakhu | kahan rakhoon | कहाँ रखूं | कहां रखें | " +
                 "कैसे बचें | rokne ke liye | ab theek hai | ab thik hai | अब ठीक है | ab behtar hai | अब बेहतर है | " +
                 "dubara na ho | dobara na ho | दोबारा न हो | phir se na ho | फिर से न हो | timepast | " +
                 "pichhli pregnancy | pichli pregnancy | पिछली प्रेगनेंसी | पिछली बार | ab thik | अब ठीक | " +
                 // Talking about it, not living it: homework, a TV story, statistics, buying for the shop.
                 "homework | school project | college project | कॉलेज प्रोजेक्ट | प्रोजेक्ट | " +
                 "assignment | nibandh | निबंध | jagrukta | जागरूकता | aankde | आंकड़े | " +
                 "data chahiye | tv serial | सीरियल | kahani | कहानी | dukaan ke liye | " +
                 "दुकान के लिए | kheti ke liye | खेती के लिए | kahan milegi | कहाँ मिलेगी | " +
                 "bacchon se door | bachchon se door | बच्चों से दूर | बच्चे न छुएं | kahan rakhe | " +
                 "कहाँ रखें | " +
                 "awareness | session | seminar | class ke liye | sach hai | सच है | log kehte | लोग कहते | " +
                 "jadu tona | जादू टोना | " +
                 "kahan rakhe | कहाँ रखें | bachchon se door | बच्चों से दूर | kaise gine | kaise ginein | " +
                 "kahan rakhein | kahan rakhen | kaha rakhe | kaha rakhein | kahan rakhna | kaise rakhein | " +
                 "kaise rakhe | kahan rakhna chahiye | कहां रखें | कहाँ रखूँ | कैसे रखें | कहाँ रखना | " +
                 "pahunch se door | पहुँच से दूर | पहुंच से दूर | " +
                 "कैसे गिनें | " +
                 "radio pe | रेडियो पर",
    };
}
