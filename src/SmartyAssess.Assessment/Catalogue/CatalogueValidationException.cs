namespace SmartyAssess.Assessment.Catalogue;

/// <summary>Catalogue files are invalid; <see cref="Problems"/> holds one line per problem, each naming file and field.</summary>
public sealed class CatalogueValidationException(IReadOnlyList<string> problems)
    : Exception("The good-practice catalogue is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
