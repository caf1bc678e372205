using HealthBot.Dialog;
using HealthBot.Grounding;
using HealthBot.Tests.Infrastructure;

namespace HealthBot.Tests.Grounding;

/// <summary>
/// Retrieval over the real content: typos, lay terms, inflection and mixed languages in every language.
/// </summary>
public sealed class RetrievalTests
{
    private static readonly LexicalRetriever Retriever = new(RepositoryContent.Catalog);

    [Theory]
    [InlineData("en", "my child has loose motions since morning", "diarrhoea-ors")]
    [InlineData("en", "maleria signs in adults", "malaria-symptoms")]
    [InlineData("en", "what to eat when you have low blood", "anaemia")]
    [InlineData("en", "my mum has sugar, what food is good", "diabetes")]
    [InlineData("en", "is my BP too high if i get headaches", "hypertension")]
    [InlineData("en", "dog bit my son, does he need an injection", "rabies-dog-bite")]
    [InlineData("fr", "comment se proteger du palu la nuit", "malaria-prevention")]
    [InlineData("fr", "ma mere a la tension que doit elle manger", "hypertension")]
    [InlineData("fr", "ou faire le depistage du vih", "hiv-testing")]
    [InlineData("fr", "ma fille de 8 mois que lui donner a manger", "child-nutrition")]
    [InlineData("sw", "presha inazuiliwaje", "hypertension")]
    [InlineData("sw", "nataka kupima ukimwi", "hiv-testing")]
    [InlineData("sw", "dalili za kifua kikuu ni zipi", "tuberculosis")]
    [InlineData("sw", "mtoto ameungua na maji moto", "burns")]
    [InlineData("pt", "como fazer soro caseiro para o bebe", "diarrhoea-ors")]
    [InlineData("pt", "tenho tensao alta o que nao devo comer", "hypertension")]
    [InlineData("pt", "onde tomar vacina do sarampo", "measles")]
    [InlineData("pt", "quantos anos devo amamentar", "breastfeeding")]
    [InlineData("hi", "खून की कमी के लक्षण", "anaemia")]
    [InlineData("hi", "sugar ki bimari me kya khaye", "diabetes")]
    [InlineData("hi", "machhardani kaise lagaye malaria se bachne ke liye", "malaria-prevention")]
    [InlineData("hi", "टीबी का इलाज कितने महीने चलता है", "tuberculosis")]
    [InlineData("hi", "HIV wali maa bachche ko doodh pila sakti hai?", "hiv-treatment")]
    [InlineData("hi", "bacche ki pasli chalna kis bimari ka sign hai", "pneumonia-child")]
    public void Finds_the_item_for_real_world_phrasing(string language, string text, string topic)
    {
        var result = Retriever.Retrieve(TextNormalizer.Normalize(text), language);

        Assert.Equal(topic, result.Best?.Id);
        Assert.Equal(language, result.Best?.Language);
    }

    /// <summary>
    /// Low mood said the everyday way ("feeling low", "pas le moral", "niko down", "em baixo") is mental health, not
    /// tiredness from anaemia or a declined question.
    /// </summary>
    [Theory]
    [InlineData("en", "been feeling low for weeks, i need someone to talk to")]
    [InlineData("fr", "j ai pas le moral ces temps ci, je voudrais quelqu un a qui parler")]
    [InlineData("sw", "niko down siku hizi sina raha kabisa")]
    [InlineData("pt", "ando em baixo, preciso de alguem para conversar")]
    [InlineData("hi", "mera man udaas rehta hai aajkal")]
    public void Everyday_low_mood_is_mental_health(string language, string text)
    {
        Assert.Equal("mental-health", Retriever.Retrieve(TextNormalizer.Normalize(text), language).Best?.Id);
    }

    /// <summary>
    /// Emergency contraception is family planning, not sexual violence: its distinctive words (P2, unwanted 72)
    /// and "unprotected" lead there, however many common words stand around them.
    /// </summary>
    [Theory]
    [InlineData("en", "we forgot protection last night, can i still take P2")]
    [InlineData("sw", "tulifanya ngono bila kinga jana, P2 itasaidia?")]
    [InlineData("hi", "bina condom ke sambandh banaya, kya unwanted 72 le sakti hu")]
    public void Emergency_contraception_is_family_planning(string language, string text)
    {
        Assert.Equal("family-planning", Retriever.Retrieve(TextNormalizer.Normalize(text), language).Best?.Id);
    }

    /// <summary>
    /// Spellings that vary: Hinglish long vowels, chandrabindu for anusvara, "bleed" (not a past tense).
    /// </summary>
    [Theory]
    [InlineData("hi", "navjaat bachche ke khatre ke lakshan", "newborn-danger-signs")]
    [InlineData("hi", "साँप काटे तो पहले क्या करें", "snakebite")]
    [InlineData("en", "can a pregnant woman bleed in the first months", "pregnancy-danger-signs")]
    public void Spelling_variants_find_the_same_item(string language, string text, string topic)
    {
        Assert.Equal(topic, Retriever.Retrieve(TextNormalizer.Normalize(text), language).Best?.Id);
    }

    [Theory]
    [InlineData("en", "who is the president of kenya")]
    [InlineData("en", "send me airtime please")]
    [InlineData("fr", "le prix du riz au marche")]
    [InlineData("sw", "nani atashinda uchaguzi")]
    [InlineData("pt", "qual o preco do pao hoje")]
    [InlineData("hi", "kal barish hogi kya")]
    [InlineData("en", "where do i buy data bundles for my phone")]
    [InlineData("fr", "est ce qu'il va pleuvoir a bamako ce weekend")]
    [InlineData("sw", "nitumie vichekesho vya kuchekesha")]
    [InlineData("pt", "quanto custam as passagens de chapa para a matola")]
    [InlineData("hi", "cricket match ka score kya hua")]
    public void Declines_questions_that_are_not_about_health(string language, string text)
    {
        var result = Retriever.Retrieve(TextNormalizer.Normalize(text), language);

        Assert.Null(result.Best);
        Assert.True(result.OutOfScope);
    }

    /// <summary>
    /// Few of the words are the content's, but none is of another subject and one names the item: the item ranked first
    /// is answered rather than declined.
    /// </summary>
    [Theory]
    [InlineData(
        "en",
        "my uncle finished tb medicine two years back, the family asks if the neighbours kids should see somebody",
        "tuberculosis")]
    public void Answers_the_first_item_of_a_long_question_that_names_it(string language, string text, string topic)
    {
        Assert.Equal(topic, Retriever.Retrieve(TextNormalizer.Normalize(text), language).Best?.Id);
    }

    [Fact]
    public void Explains_its_choice_with_up_to_three_scored_candidates()
    {
        var result = Retriever.Retrieve(TextNormalizer.Normalize("how do i make ORS"), "en");

        Assert.InRange(result.Candidates.Count, 1, 3);
        Assert.Equal("diarrhoea-ors", result.Candidates[0].ContentId);
        Assert.True(result.Candidates.Zip(result.Candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }
}
