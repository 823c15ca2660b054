using System.Security.Cryptography;
using System.Text;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// The questionnaire versions the service can show: those in <c>data/questionnaire</c>, plus older
/// ones only kept in the database archive. Built once at start-up; read-only while serving.
/// </summary>
public sealed class QuestionnaireCatalog
{
    private QuestionnaireSet _set;

    public QuestionnaireCatalog(IReadOnlyList<QuestionnaireFile> files, IReadOnlyList<QuestionnaireFile>? translations = null)
    {
        Translations = translations ?? [];
        var parsed = QuestionnaireLoader.Load(files, Translations);
        _set = new QuestionnaireSet(parsed);
        Files = files.Zip(parsed, (file, questionnaire) => new ArchivedFile(questionnaire.Version, file.FileName, file.Json, Hash(file.Json))).ToList();
    }

    /// <summary>The translation files on disk; they apply to archived versions too, and are not archived themselves (they are corrected over time).</summary>
    public IReadOnlyList<QuestionnaireFile> Translations { get; }

    /// <summary>The versions on disk, with the text and hash to archive.</summary>
    public IReadOnlyList<ArchivedFile> Files { get; }

    public Questionnaire Current => _set.Current;

    public Questionnaire? Find(string version) => _set.Find(version);

    /// <summary>
    /// The version a draft was started with; the current one if that version can no longer be
    /// loaded (an archived file that fails today's validation), so that the draft stays usable.
    /// </summary>
    public Questionnaire ForDraft(string version) => _set.Find(version) ?? _set.Current;

    /// <summary>Adds versions found only in the database archive. Called during start-up, before requests are served.</summary>
    internal void AddArchived(IReadOnlyList<Questionnaire> archived)
    {
        if (archived.Count > 0)
        {
            // Archived versions never become current: only a file on disk is published.
            var current = _set.Current;
            var all = _set.All.Concat(archived).ToList();
            _set = new QuestionnaireSet(all, current);
        }
    }

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public sealed record ArchivedFile(string Version, string FileName, string Json, string ContentHash);
}
