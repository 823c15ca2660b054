namespace SmartyAssess.Data.Entities;

public sealed class ResultDimension
{
    public required string ResultId { get; set; }

    public required string DimensionId { get; set; }

    /// <summary>Display order, as in the questionnaire.</summary>
    public int Position { get; set; }

    public bool Assessed { get; set; }

    public double? Score { get; set; }

    public string? Band { get; set; }

    public int? Level { get; set; }

    public int DontKnowCount { get; set; }
}
