using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;

namespace SmartyAssess.Assessment.Tests;

public sealed class QuestionnaireTranslationTests
{
    private static readonly string s_directory = Path.Combine(AppContext.BaseDirectory, "data", "questionnaire");

    private static QuestionnaireFile Translation(string language, JsonObject texts, params string[] reviewed) =>
        new($"questionnaire.1.{language}.json", new JsonObject
        {
            ["questionnaire"] = "1",
            ["language"] = language,
            ["texts"] = texts,
            ["reviewed"] = new JsonArray([.. reviewed.Select(k => (JsonNode)k)]),
        }.ToJsonString());

    private static JsonObject TestJson()
    {
        var json = TestQuestionnaire.Json();
        json["version"] = "1";
        return json;
    }

    [Fact]
    public void ShippedQuestionnaire_IsTranslatedCompletely_WithMatchingPlaceholders_InEverySupportedLanguage()
    {
        var source = QuestionnaireLoader.ReadDirectory(s_directory).Single(f => f.FileName == "questionnaire.2026.1.json");
        var translations = QuestionnaireTranslations.ReadDirectory(s_directory);
        var problems = new List<string>();
        foreach (var language in SupportedLanguages.Translated)
        {
            var file = translations.SingleOrDefault(f => f.FileName == $"questionnaire.2026.1.{language}.json");
            if (file is null)
            {
                problems.Add($"{language}: no translation file");
                continue;
            }

            problems.AddRange(QuestionnaireTranslations.Completeness(source, file));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
        var loaded = QuestionnaireLoader.LoadDirectory(s_directory).Find("2026.1")!;
        Assert.Equal(SupportedLanguages.All.Select(l => l.Code).Order(), loaded.Languages.Order());
        Assert.NotEqual(loaded.Title.In("en"), loaded.Title.In("it"));
    }

    [Fact]
    public void ATranslation_ReplacesTheTextsItHas_AndFallsBackToTheSourceForTheOthers()
    {
        var questionnaire = QuestionnaireLoader.Parse(TestJson().ToJsonString(), "q.json",
            [Translation("pl", new JsonObject { ["questions.a1.text"] = "Pytanie a1", ["questions.a1.options.level-2"] = "Poziom 2" })]);

        var a1 = questionnaire.FindQuestion("a1")!;
        Assert.Equal("Pytanie a1", a1.Text.In("pl"));
        Assert.Equal("Poziom 2", a1.Options[2].Label.In("pl"));
        Assert.Equal("Question a2", questionnaire.FindQuestion("a2")!.Text.In("pl"));
        Assert.DoesNotContain("pl", QuestionnaireLoader.Parse(TestJson().ToJsonString(), "q.json").Languages);
        Assert.Contains("pl", questionnaire.Languages);
        var status = questionnaire.Translations["pl"];
        Assert.Equal(2, status.Translated);
        Assert.False(questionnaire.IsReviewed("pl"));
        Assert.True(questionnaire.IsReviewed("en"));
    }

    [Fact]
    public void ALanguage_IsReviewed_OnlyWhenEveryTextIsTranslatedAndMarkedReviewed()
    {
        var source = new QuestionnaireFile("q.json", TestJson().ToJsonString());
        var all = QuestionnaireTranslations.SourceTexts(source);
        var texts = new JsonObject();
        foreach (var (key, text) in all)
        {
            texts[key] = "de: " + text;
        }

        var keys = all.Select(p => p.Key).ToArray();
        var full = QuestionnaireLoader.Parse(source.Json, "q.json", [Translation("de", (JsonObject)texts.DeepClone(), keys)]);
        var partly = QuestionnaireLoader.Parse(source.Json, "q.json", [Translation("de", (JsonObject)texts.DeepClone(), keys[1..])]);

        Assert.True(full.IsReviewed("de"));
        Assert.False(partly.IsReviewed("de"));
        Assert.Empty(QuestionnaireTranslations.Completeness(source, Translation("de", (JsonObject)texts.DeepClone())));
    }

    [Fact]
    public void ATranslationWithAnUnknownKeyOrAnEmptyText_StopsLoading_NamingFileAndKey()
    {
        var error = Assert.Throws<QuestionnaireValidationException>(() => QuestionnaireLoader.Parse(TestJson().ToJsonString(), "q.json",
            [Translation("fr", new JsonObject { ["questions.zz.text"] = "Question zz", ["questions.a1.text"] = " " }, "questions.b1.text")]));

        Assert.Contains(error.Problems, p => p.Contains("questionnaire.1.fr.json: questions.zz.text: no such text", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("questionnaire.1.fr.json: questions.a1.text: the text is empty", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("reviewed: 'questions.b1.text' has no text", StringComparison.Ordinal));
    }

    [Fact]
    public void Completeness_NamesEveryMissingText_AndEveryPlaceholderMismatch()
    {
        var json = TestJson();
        json["title"] = new JsonObject { ["en"] = "Assessment for {0} employees" };
        var source = new QuestionnaireFile("q.json", json.ToJsonString());

        var problems = QuestionnaireTranslations.Completeness(source, Translation("pl", new JsonObject { ["title"] = "Ocena dla {1} pracowników" }));

        Assert.Contains(problems, p => p.Contains("title: placeholders {1} do not match the source's {0}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("questions.a1.text: no 'pl' text", StringComparison.Ordinal));
        Assert.Equal(QuestionnaireTranslations.SourceTexts(source).Count, problems.Count);
    }

    [Fact]
    public void Scores_AreTheSameWhicheverLanguageTheQuestionnaireIsShownIn()
    {
        var plain = QuestionnaireLoader.Parse(TestJson().ToJsonString(), "q.json");
        var translated = QuestionnaireLoader.Parse(TestJson().ToJsonString(), "q.json",
            [Translation("it", new JsonObject { ["questions.a1.options.level-4"] = "Livello 4", ["questions.a2.options.yes"] = "Sì" })]);
        var answers = plain.Questions.ToDictionary(q => q.Id, q => q.Id switch
        {
            "a1" => Answer.Select("level-4"),
            "a2" => Answer.Select("yes"),
            "b1" => Answer.Select("level-1"),
            "c2" => Answer.NotRelevant,
            _ => Answer.Unknown,
        });

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Scorer.Score(plain, answers)),
            System.Text.Json.JsonSerializer.Serialize(Scorer.Score(translated, answers)));
    }
}
