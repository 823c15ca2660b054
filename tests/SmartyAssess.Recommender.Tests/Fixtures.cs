namespace SmartyAssess.Recommender.Tests;

/// <summary>A handful of firms and practices whose prior order is easy to reason about.</summary>
internal static class Fixtures
{
    public static PracticeProfile Practice(
        string id,
        string theme = "platforms",
        string[]? dimensions = null,
        string[]? barriers = null,
        string[]? goals = null,
        string transferability = "medium",
        string[]? sizes = null,
        string[]? sectors = null) =>
        new(id, theme, "voucher", dimensions ?? ["strategy"], barriers ?? ["finance"], goals ?? [], ["iot"], sectors ?? ["all"], sizes ?? ["micro", "small", "medium"], ["basic", "average"], transferability, "ITI1");

    public static SmeProfile Sme(
        string id,
        string[]? barriers = null,
        string[]? top = null,
        string[]? goals = null,
        double strategy = 40,
        double automation = 40,
        double human = 40,
        string size = "small",
        string sector = "C") =>
        new(id, new Dictionary<string, double> { ["strategy"] = strategy, ["automation"] = automation, ["human"] = human }, "average", sector, size, "ITI1", barriers ?? [], top ?? [], goals ?? []);

    public static IReadOnlyList<PracticeProfile> Catalogue() =>
    [
        Practice("voucher", "platforms", ["strategy"], ["finance"]),
        Practice("robot-lab", "hubs", ["automation"], ["business-case"], transferability: "high"),
        Practice("skills", "skills", ["human"], ["workforce-skills"], ["skills"]),
        Practice("audit", "platforms", ["strategy"], ["management-awareness", "finance"]),
        Practice("green-fund", "green", ["green"], ["finance"], ["sustainability"]),
        Practice("ai-hub", "hubs", ["automation", "readiness"], ["partners-advice"], transferability: "low"),
        Practice("cluster", "platforms", ["readiness"], ["partners-advice"]),
        Practice("medium-only", "hubs", ["automation"], ["business-case"], sizes: ["medium"]),
    ];
}
