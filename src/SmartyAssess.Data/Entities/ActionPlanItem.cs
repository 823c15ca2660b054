namespace SmartyAssess.Data.Entities;

/// <summary>One practice in a client's action plan, kept by the hub and shown to the firm on its results page while shared.</summary>
public sealed class ActionPlanItem
{
    public long Id { get; set; }

    public Guid AssessmentId { get; set; }

    public Guid HubId { get; set; }

    public required string PracticeId { get; set; }

    /// <summary>Who at the firm or the hub carries it out (free text: a name or a role).</summary>
    public required string Owner { get; set; }

    public ActionPlanStatus Status { get; set; }

    public DateOnly? TargetDate { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Where a planned practice stands; stored by name.</summary>
public enum ActionPlanStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}
