using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Assessment.Tests;

/// <summary>
/// A small questionnaire whose points are easy to add up by hand: dimension "a" mixes the three
/// question types (with a negative checklist item), "b" holds scales and "c" yes/partly/no choices.
/// </summary>
internal static class TestQuestionnaire
{
    public static JsonObject Json()
    {
        static JsonObject Text(string s) => new() { ["en"] = s };
        static JsonArray Scale() => new([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["id"] = $"level-{i}", ["label"] = Text($"Level {i} anchor"), ["points"] = 2 * i })]);
        static JsonArray YesPartlyNo() => new(
            new JsonObject { ["id"] = "yes", ["label"] = Text("Yes"), ["points"] = 10 },
            new JsonObject { ["id"] = "partly", ["label"] = Text("Partly"), ["points"] = 5 },
            new JsonObject { ["id"] = "no", ["label"] = Text("No"), ["points"] = 0 });
        static JsonObject Question(string id, string type, JsonArray options) => new() { ["id"] = id, ["type"] = type, ["text"] = Text("Question " + id), ["topics"] = new JsonArray("iot"), ["options"] = options };
        static JsonObject Dimension(string id, params JsonObject[] questions) => new()
        {
            ["id"] = id,
            ["title"] = Text("Dimension " + id),
            ["description"] = Text("About " + id),
            ["levels"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)Text($"{id} at level {i}"))]),
            ["bandNarratives"] = new JsonObject { ["basic"] = Text("b"), ["average"] = Text("a"), ["moderately-advanced"] = Text("m"), ["advanced"] = Text("adv") },
            ["questions"] = new JsonArray(questions),
        };
        static JsonArray Vocabulary(params string[] ids) => new([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["label"] = Text(id) })]);

        var checklist = new JsonArray(
            new JsonObject { ["id"] = "x", ["label"] = Text("X"), ["points"] = 4 },
            new JsonObject { ["id"] = "y", ["label"] = Text("Y"), ["points"] = 4 },
            new JsonObject { ["id"] = "z", ["label"] = Text("Z"), ["points"] = 4 },
            new JsonObject { ["id"] = "neg", ["label"] = Text("Not recorded"), ["points"] = -3 });

        return new JsonObject
        {
            ["version"] = "2026.1",
            ["defaultLanguage"] = "en",
            ["languages"] = new JsonArray("en", "it"),
            ["title"] = new JsonObject { ["en"] = "Test", ["it"] = "Prova" },
            ["bands"] = new JsonObject
            {
                ["basic"] = new JsonObject { ["label"] = Text("Basic"), ["narrative"] = Text("nb") },
                ["average"] = new JsonObject { ["label"] = Text("Average"), ["narrative"] = Text("na") },
                ["moderately-advanced"] = new JsonObject { ["label"] = Text("Moderately advanced"), ["narrative"] = Text("nm") },
                ["advanced"] = new JsonObject { ["label"] = Text("Advanced"), ["narrative"] = Text("nadv") },
            },
            ["profile"] = new JsonArray(
                new JsonObject { ["id"] = "sector", ["label"] = Text("Sector"), ["options"] = Vocabulary("C", "F") },
                new JsonObject { ["id"] = "country", ["label"] = Text("Country"), ["options"] = Vocabulary("IT", "BE") },
                new JsonObject
                {
                    ["id"] = "region",
                    ["label"] = Text("Region"),
                    ["parent"] = "country",
                    ["options"] = new JsonArray(
                        new JsonObject { ["id"] = "ITI1", ["label"] = Text("Toscana"), ["parent"] = "IT", ["smarty"] = true },
                        new JsonObject { ["id"] = "IT-other", ["label"] = Text("Other IT"), ["parent"] = "IT" },
                        new JsonObject { ["id"] = "BE-other", ["label"] = Text("Other BE"), ["parent"] = "BE" }),
                },
                new JsonObject { ["id"] = "note", ["label"] = Text("Optional"), ["required"] = false, ["options"] = Vocabulary("n1") }),
            ["dimensions"] = new JsonArray(
                Dimension("a", Question("a1", "scale", Scale()), Question("a2", "choice", YesPartlyNo()), Question("a3", "checklist", checklist)),
                Dimension("b", Question("b1", "scale", Scale()), Question("b2", "scale", Scale()), Question("b3", "scale", Scale())),
                Dimension("c", Question("c1", "choice", YesPartlyNo()), Question("c2", "choice", YesPartlyNo()), Question("c3", "choice", YesPartlyNo()))),
            ["barriers"] = Vocabulary("finance", "skills", "security", "culture"),
            ["maxTopBarriers"] = 3,
            ["goals"] = Vocabulary("cost", "quality"),
            ["topics"] = Vocabulary("iot", "robotics"),
        };
    }

    public static Questionnaire Load() => QuestionnaireLoader.Parse(Json().ToJsonString(), "test.json");
}
