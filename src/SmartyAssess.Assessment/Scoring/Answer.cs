namespace SmartyAssess.Assessment.Scoring;

/// <summary>The respondent's answer to one scored question.</summary>
public abstract record Answer
{
    private Answer()
    {
    }

    /// <summary>Chosen option ids. Empty is valid for a checklist and means "none of these apply".</summary>
    public sealed record Selected(IReadOnlyList<string> OptionIds) : Answer
    {
        public bool Equals(Selected? other) => other is not null && OptionIds.SequenceEqual(other.OptionIds);

        public override int GetHashCode() => OptionIds.Aggregate(17, (h, id) => HashCode.Combine(h, id));
    }

    /// <summary>Scores 0 and is shown on the results page as a gap.</summary>
    public sealed record DontKnow : Answer;

    /// <summary>Leaves the dimension's denominator.</summary>
    public sealed record NotApplicable : Answer;

    public static Answer Select(params string[] optionIds) => new Selected(optionIds);

    public static readonly Answer Unknown = new DontKnow();

    public static readonly Answer NotRelevant = new NotApplicable();
}
