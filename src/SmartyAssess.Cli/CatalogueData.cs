using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Cli;

/// <summary>The questionnaire and practice catalogue of a data folder (the repository's <c>data/</c>), validated as the web host validates them.</summary>
internal sealed record CatalogueData(Questionnaire Questionnaire, PracticeCatalogue Catalogue)
{
    public static CatalogueData Load(string dataDirectory)
    {
        var questionnaires = Path.Combine(dataDirectory, "questionnaire");
        var practices = Path.Combine(dataDirectory, "catalogue");
        if (!Directory.Exists(questionnaires) || !Directory.Exists(practices))
        {
            throw new DirectoryNotFoundException($"{dataDirectory} must hold questionnaire/ and catalogue/ (the repository's data folder).");
        }

        var questionnaire = QuestionnaireLoader.LoadDirectory(questionnaires).Current;
        return new CatalogueData(questionnaire, CatalogueLoader.LoadStrict(CatalogueLoader.ReadDirectory(practices), questionnaire));
    }
}
