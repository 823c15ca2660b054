using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Assessment.Tests;

/// <summary>Small, valid practice files to edit in tests, checked against the shipped questionnaire's vocabularies.</summary>
internal static class TestCatalogue
{
    public static readonly Questionnaire Vocabulary =
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "data", "questionnaire")).Current;

    public static JsonObject Practice(string id, string title = "A practice", string theme = "platforms-clusters")
    {
        return new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["summary"] = "Short summary of " + title,
            ["description"] = "First paragraph.\n\nSecond paragraph.",
            ["region"] = "Tuscany",
            ["nuts"] = "ITI1",
            ["country"] = "IT",
            ["smartyTheme"] = theme,
            ["instrumentType"] = "voucher",
            ["targetGroup"] = "Manufacturing SMEs",
            ["dimensions"] = new JsonArray("strategy"),
            ["barriers"] = new JsonArray("finance"),
            ["goals"] = new JsonArray("reduce-costs"),
            ["topics"] = new JsonArray("iot"),
            ["sectors"] = new JsonArray("all"),
            ["sizes"] = new JsonArray("micro", "small", "medium"),
            ["maturityFit"] = new JsonArray("basic", "average"),
            ["fundingSource"] = "ERDF",
            ["budget"] = "€1 million",
            ["evidenceOfSuccess"] = "Many firms supported.",
            ["resourcesNeeded"] = "Two officers.",
            ["transferability"] = new JsonObject { ["conditions"] = "A regional programme.", ["rating"] = "high" },
            ["provenance"] = new JsonObject { ["kind"] = "smarty", ["programme"] = "Interreg Europe SMARTY", ["evidence"] = "Presented in Leuven." },
            ["sources"] = new JsonArray(new JsonObject { ["url"] = "https://www.interregeurope.eu/good-practices/example", ["title"] = "GP page" }),
            ["lastReviewed"] = "2026-11-24",
        };
    }

    public static CatalogueFile File(JsonObject practice) => new(practice["id"]!.GetValue<string>() + ".json", practice.ToJsonString());

    public static PracticeCatalogue Load(params JsonObject[] practices) =>
        CatalogueLoader.LoadStrict(practices.Select(File), Vocabulary);
}
