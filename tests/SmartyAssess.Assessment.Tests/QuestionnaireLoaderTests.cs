using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Assessment.Tests;

public class QuestionnaireLoaderTests
{
    private static IReadOnlyList<string> Problems(Action<JsonObject> edit)
    {
        var json = TestQuestionnaire.Json();
        edit(json);
        var error = Assert.Throws<QuestionnaireValidationException>(() => QuestionnaireLoader.Parse(json.ToJsonString(), "broken.json"));
        Assert.All(error.Problems, p => Assert.StartsWith("broken.json: ", p, StringComparison.Ordinal));
        return error.Problems;
    }

    private static JsonObject Question(JsonObject json, int dimension, int question) =>
        json["dimensions"]![dimension]!["questions"]![question]!.AsObject();

    [Fact]
    public void Parse_ValidFile_BuildsTheQuestionnaire()
    {
        var questionnaire = TestQuestionnaire.Load();

        Assert.Equal("2026.1", questionnaire.Version);
        Assert.Equal(["a", "b", "c"], questionnaire.Dimensions.Select(d => d.Id));
        Assert.Equal(QuestionType.Checklist, questionnaire.FindQuestion("a3")!.Type);
        Assert.Equal(3, questionnaire.FindQuestion("a1")!.FindOption("level-3")!.Level);
        Assert.Equal("Prova", questionnaire.Title.In("it"));
        Assert.Equal("Test", questionnaire.Title.In("fi")); // falls back to the default language
    }

    [Theory]
    [InlineData(0, "Level 0 anchor")]
    [InlineData(5, "Level 5 anchor")]
    public void Parse_ScaleQuestion_KeepsAnAnchorTextPerLevel(int level, string anchor)
    {
        var question = TestQuestionnaire.Load().FindQuestion("b1")!;

        Assert.Equal(anchor, question.Options.Single(o => o.Level == level).Label.In("en"));
    }

    [Fact]
    public void Parse_ScalePointsNotTwiceTheLevel_NamesTheOption()
    {
        var problems = Problems(j => Question(j, 1, 0)["options"]![2]!["points"] = 5);

        var problem = Assert.Single(problems);
        Assert.Contains("dimension 'b', question 'b1', option 'level-2': points", problem, StringComparison.Ordinal);
        Assert.Contains("must be 4 (2 × level 2)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScaleWithFiveLevels_IsRefused()
    {
        var problems = Problems(j => Question(j, 1, 0)["options"]!.AsArray().RemoveAt(5));

        Assert.Contains(problems, p => p.Contains("question 'b1'", StringComparison.Ordinal) && p.Contains("exactly 6 options", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ChoiceWithoutATopOption_IsRefused()
    {
        var problems = Problems(j => Question(j, 2, 0)["options"]![0]!["points"] = 8);

        Assert.Contains(problems, p => p.Contains("question 'c1'", StringComparison.Ordinal) && p.Contains("no option gives 10 points", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ChoicePointsOutOfRange_IsRefused()
    {
        var problems = Problems(j => Question(j, 2, 0)["options"]![2]!["points"] = -1);

        Assert.Contains(problems, p => p.Contains("question 'c1', option 'no': points", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ChecklistThatCannotReachTen_IsRefused()
    {
        var problems = Problems(j => Question(j, 0, 2)["options"]![2]!["points"] = 1);

        Assert.Contains(problems, p => p.Contains("question 'a3'", StringComparison.Ordinal) && p.Contains("less than 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateQuestionIdAcrossDimensions_IsRefused()
    {
        var problems = Problems(j => Question(j, 2, 2)["id"] = "a1");

        Assert.Contains(problems, p => p.Contains("question 'a1'", StringComparison.Ordinal) && p.Contains("used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownQuestionType_NamesTheType()
    {
        var problems = Problems(j => Question(j, 0, 0)["type"] = "slider");

        Assert.Contains(problems, p => p.Contains("question 'a1': type", StringComparison.Ordinal) && p.Contains("'slider'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DimensionWithTwoQuestions_IsRefused()
    {
        var problems = Problems(j => j["dimensions"]![1]!["questions"]!.AsArray().RemoveAt(0));

        Assert.Contains(problems, p => p.Contains("dimension 'b'", StringComparison.Ordinal) && p.Contains("3 to 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TextWithoutDefaultLanguage_IsRefused()
    {
        var problems = Problems(j => Question(j, 0, 1)["text"] = new JsonObject { ["it"] = "Domanda" });

        Assert.Contains(problems, p => p.Contains("question 'a2': text", StringComparison.Ordinal) && p.Contains("default language 'en'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TextInUnlistedLanguage_IsRefused()
    {
        var problems = Problems(j => j["title"]!["pl"] = "Test");

        Assert.Contains(problems, p => p.Contains("title", StringComparison.Ordinal) && p.Contains("'pl' is not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownTopic_IsRefused()
    {
        var problems = Problems(j => Question(j, 0, 0)["topics"] = new JsonArray("teleportation"));

        Assert.Contains(problems, p => p.Contains("'teleportation' is not a topic id", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingBandNarrative_IsRefused()
    {
        var problems = Problems(j => j["dimensions"]![2]!["bandNarratives"]!.AsObject().Remove("advanced"));

        Assert.Contains(problems, p => p.Contains("dimension 'c': bandNarratives.advanced", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WrongNumberOfLevelTexts_IsRefused()
    {
        var problems = Problems(j => j["dimensions"]![0]!["levels"]!.AsArray().RemoveAt(0));

        Assert.Contains(problems, p => p.Contains("dimension 'a': levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RegionOfUnknownCountry_IsRefused()
    {
        var problems = Problems(j => j["profile"]![2]!["options"]![0]!["parent"] = "FR");

        Assert.Contains(problems, p => p.Contains("profile field 'region', option 'ITI1'", StringComparison.Ordinal) && p.Contains("parent", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CountryWithoutAnyRegion_AsksForAnOtherOption()
    {
        var problems = Problems(j => j["profile"]![2]!["options"]!.AsArray().RemoveAt(2));

        Assert.Contains(problems, p => p.Contains("'country' = 'BE'", StringComparison.Ordinal) && p.Contains("'other'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReservedOptionId_IsRefused()
    {
        var problems = Problems(j => Question(j, 2, 0)["options"]![2]!["id"] = "__dk");

        Assert.Contains(problems, p => p.Contains("question 'c1', option '__dk'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MisspelledField_NamesTheLineAndPath()
    {
        var json = TestQuestionnaire.Json().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .Replace("\"maxTopBarriers\"", "\"maxTopBariers\"", StringComparison.Ordinal);

        var error = Assert.Throws<QuestionnaireValidationException>(() => QuestionnaireLoader.Parse(json, "typo.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Matches(@"^typo\.json: line \d+ \(\$\.maxTopBariers\)", problem);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var problems = Problems(j =>
        {
            Question(j, 0, 0)["type"] = "slider";
            j["barriers"]![1]!["id"] = "finance";
            j["version"] = "";
        });

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void LoadDirectory_TwoFilesWithTheSameVersion_IsRefused()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "questionnaire.a.json"), TestQuestionnaire.Json().ToJsonString());
            File.WriteAllText(Path.Combine(directory.FullName, "questionnaire.b.json"), TestQuestionnaire.Json().ToJsonString());

            var error = Assert.Throws<QuestionnaireValidationException>(() => QuestionnaireLoader.LoadDirectory(directory.FullName));

            Assert.Contains(error.Problems, p => p.StartsWith("questionnaire.b.json: version", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_SeveralVersions_TheHighestIsCurrentAndOldOnesStayAvailable()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            foreach (var version in new[] { "2026.9", "2026.10", "2025.3" })
            {
                var json = TestQuestionnaire.Json();
                json["version"] = version;
                File.WriteAllText(Path.Combine(directory.FullName, $"questionnaire.{version}.json"), json.ToJsonString());
            }

            var set = QuestionnaireLoader.LoadDirectory(directory.FullName);

            Assert.Equal("2026.10", set.Current.Version);
            Assert.NotNull(set.Find("2025.3"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_EmptyFolder_SaysWhatIsMissing()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var error = Assert.Throws<QuestionnaireValidationException>(() => QuestionnaireLoader.LoadDirectory(directory.FullName));

            Assert.Contains("no file matches questionnaire.*.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
