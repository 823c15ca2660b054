namespace SmartyAssess.Data.Entities;

/// <summary>The roles of signed-in users; their ids are fixed so that every provider seeds the same rows.</summary>
public static class Roles
{
    public const string Advisor = "Advisor";
    public const string PartnerAnalyst = "PartnerAnalyst";
    public const string Admin = "Admin";

    public static IReadOnlyList<(Guid Id, string Name)> All { get; } =
    [
        (new Guid("6f1f4f0e-5a8b-4c53-9d0e-0a1d7f2b9a01"), Advisor),
        (new Guid("6f1f4f0e-5a8b-4c53-9d0e-0a1d7f2b9a02"), PartnerAnalyst),
        (new Guid("6f1f4f0e-5a8b-4c53-9d0e-0a1d7f2b9a03"), Admin),
    ];
}
