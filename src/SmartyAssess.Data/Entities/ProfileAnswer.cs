namespace SmartyAssess.Data.Entities;

/// <summary>A company-profile answer (sector, size, region, …); the fields are defined by the questionnaire version.</summary>
public sealed class ProfileAnswer
{
    public Guid AssessmentId { get; set; }

    public required string FieldId { get; set; }

    public required string Value { get; set; }
}
