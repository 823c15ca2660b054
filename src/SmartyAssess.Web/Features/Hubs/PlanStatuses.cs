using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Hubs;

/// <summary>Action-plan statuses as forms, the API and the export name them.</summary>
public static class PlanStatuses
{
    public static readonly ActionPlanStatus[] All = [ActionPlanStatus.Planned, ActionPlanStatus.InProgress, ActionPlanStatus.Done, ActionPlanStatus.Dropped];

    public static string Name(ActionPlanStatus status) => status switch
    {
        ActionPlanStatus.Planned => "planned",
        ActionPlanStatus.InProgress => "inProgress",
        ActionPlanStatus.Done => "done",
        _ => "dropped",
    };

    public static string Label(ActionPlanStatus status) => status switch
    {
        ActionPlanStatus.Planned => ResultsText.StatusPlanned,
        ActionPlanStatus.InProgress => ResultsText.StatusInProgress,
        ActionPlanStatus.Done => ResultsText.StatusDone,
        _ => ResultsText.StatusDropped,
    };

    public static bool TryParse(string? name, out ActionPlanStatus status)
    {
        foreach (var candidate in All)
        {
            if (Name(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
