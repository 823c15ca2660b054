namespace SmartyAssess.Web.Features.Recommendations;

public sealed class RecommenderOptions
{
    public const string SectionName = "Recommender";

    /// <summary>The shipped model, relative to the application's base directory unless absolute; used until a retrained model is published in the database.</summary>
    public string ModelFile { get; set; } = "models/smarty-fm.json";

    /// <summary>How often each instance looks for a newly published model.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many practices the results page recommends.</summary>
    public int Count { get; set; } = 5;

    /// <summary>The most recommendations one API call may ask for.</summary>
    public int MaxCount { get; set; } = 20;

    /// <summary>Feedback events kept per assessment; more is refused, so one link cannot flood the training data.</summary>
    public int MaxFeedbackPerAssessment { get; set; } = 200;
}
