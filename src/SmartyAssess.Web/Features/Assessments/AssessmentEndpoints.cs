using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Assessment.Submissions;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>The JSON API for DIH systems: the questionnaire, and assessments submitted in one request.</summary>
public static class AssessmentEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Assessments");

        api.MapGet("/questionnaire", GetQuestionnaire)
            .WithName("GetQuestionnaire")
            .WithSummary("The current questionnaire: dimensions, questions with their options and points, profile fields, barriers and goals.");

        api.MapPost("/assessments", CreateAssessmentAsync)
            .WithName("CreateAssessment")
            .WithSummary("Submits a complete assessment and returns its scores.")
            .Accepts<CreateAssessmentRequest>("application/json")
            .Produces<AssessmentResultResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();

        api.MapGet("/assessments/{id}", GetAssessmentAsync)
            .WithName("GetAssessment")
            .WithSummary("The result of a submitted assessment; the id is the capability to read it.");

        return app;
    }

    private static Results<Ok<QuestionnaireResponse>, ValidationProblem> GetQuestionnaire(HttpContext context, QuestionnaireCatalog catalog, string? lang)
    {
        var q = catalog.Current;
        // ?lang= has already set the request's language (LanguageRegistration); one not offered is
        // named rather than silently answered in another language.
        if (!string.IsNullOrEmpty(lang) && (PageLanguage.Find(lang) is not { } asked || !q.Languages.Contains(asked)))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["lang"] = [$"\u201c{lang}\u201d is not offered; use one of {string.Join(", ", q.Languages)}, or send Accept-Language."] },
                title: "The language is not offered.");
        }

        var language = PageLanguage.For(q);
        context.Response.Headers.ContentLanguage = language;
        return TypedResults.Ok(new QuestionnaireResponse(
            q.Version,
            language,
            q.Languages,
            q.Title.In(language),
            [.. q.Profile.Select(f => new ProfileFieldResponse(f.Id, f.Label.In(language), f.Required, f.ParentFieldId, [.. f.Options.Select(o => new ProfileOptionResponse(o.Id, o.Label.In(language), o.ParentId))]))],
            [.. q.Dimensions.Select(d => new DimensionResponse(d.Id, d.Title.In(language), d.Description.In(language), [.. d.Questions.Select(question => new QuestionResponse(
                question.Id,
                question.Type.ToString().ToLowerInvariant(),
                question.Text.In(language),
                question.Help?.In(language),
                question.Topics,
                [.. question.Options.Select(o => new OptionResponse(o.Id, o.Label.In(language), o.Points, o.Level))]))]))],
            Vocabulary(q.Barriers, language),
            q.MaxTopBarriers,
            Vocabulary(q.Goals, language),
            Vocabulary(q.Topics, language)));
    }

    private static async Task<IResult> CreateAssessmentAsync(HttpRequest request, QuestionnaireCatalog catalog, AssessmentSubmitter submitter, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateAssessmentRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var questionnaire = catalog.Current;
        var errors = new ValidationErrors();
        var submission = ToSubmission(body!, errors);
        var shapeErrors = errors.Fields.ToHashSet();
        foreach (var (field, messages) in SubmissionValidator.Validate(questionnaire, submission).ToDictionary())
        {
            // An answer with the wrong shape is reported once, not again as "missing".
            foreach (var message in shapeErrors.Contains(field) ? [] : messages)
            {
                errors.Add(field, message);
            }
        }

        // Without "language", the assessment is recorded in the language of Accept-Language.
        var language = body!.Language ?? PageLanguage.For(questionnaire);
        if (!questionnaire.Languages.Contains(language))
        {
            errors.Add("language", $"\u201c{language}\u201d is not offered; use one of {string.Join(", ", questionnaire.Languages)}.");
        }

        if (!errors.IsEmpty)
        {
            // The messages are the respondent's, in the request's language; the title stays English.
            request.HttpContext.Response.Headers.ContentLanguage = PageLanguage.Current;
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The assessment is not valid.");
        }

        var result = await submitter.CreateAsync(questionnaire, submission, language, cancellationToken);
        return TypedResults.Created($"/api/assessments/{result.Id}", ToResponse(result));
    }

    private static async Task<Results<Ok<AssessmentResultResponse>, ProblemHttpResult>> GetAssessmentAsync(string id, SmartyDbContext db, DataRights.ErasureService erasure, CancellationToken cancellationToken)
    {
        var result = ResultId.IsWellFormed(id)
            ? await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            : null;
        return result is null
            ? await DataRights.AssessmentProblems.NotFoundOrGoneAsync(id, erasure, cancellationToken)
            : TypedResults.Ok(ToResponse(result));
    }

    /// <summary>Turns the request into a submission; shape errors (an answer with no kind or two kinds) go to <paramref name="errors"/>.</summary>
    private static Submission ToSubmission(CreateAssessmentRequest body, ValidationErrors errors)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var (questionId, answer) in body.Answers ?? [])
        {
            var kinds = (answer?.Selected is not null ? 1 : 0) + (answer?.DontKnow == true ? 1 : 0) + (answer?.NotApplicable == true ? 1 : 0);
            if (kinds != 1)
            {
                errors.Add(SubmissionValidator.AnswersPrefix + questionId, "Give exactly one of \u201cselected\u201d (a list of option ids), \u201cdontKnow\u201d: true or \u201cnotApplicable\u201d: true.");
                continue;
            }

            answers[questionId] = answer!.DontKnow == true ? Answer.Unknown
                : answer.NotApplicable == true ? Answer.NotRelevant
                : new Answer.Selected(answer.Selected!);
        }

        return new Submission(
            (body.Profile ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim(), StringComparer.Ordinal),
            answers,
            body.Barriers ?? [],
            body.TopBarriers ?? [],
            body.Goals ?? []);
    }

    internal static AssessmentResultResponse ToResponse(AssessmentResult result) => new(
        result.Id,
        result.QuestionnaireVersion,
        result.ScoringVersion,
        DateTime.SpecifyKind(result.CreatedAt, DateTimeKind.Utc),
        new OverallResponse(result.OverallScore, result.OverallBand),
        [.. result.Dimensions.Select(d => new DimensionResultResponse(d.DimensionId, d.Assessed, d.Score, d.Band, d.Level))],
        result.WeakestDimensionId,
        $"/results/{result.Id}");

    private static List<VocabularyResponse> Vocabulary(IEnumerable<VocabularyItem> items, string language) =>
        [.. items.Select(i => new VocabularyResponse(i.Id, i.Label.In(language), i.Description?.In(language)))];
}
