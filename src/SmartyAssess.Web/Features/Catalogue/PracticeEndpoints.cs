using Microsoft.AspNetCore.Http.HttpResults;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;

namespace SmartyAssess.Web.Features.Catalogue;

public static class PracticeEndpoints
{
    /// <summary>The query parameters of <c>GET /api/practices</c>; anything else is refused, so that a typo is not silently ignored.</summary>
    public static readonly string[] FilterParameters = ["theme", "dimension", "barrier", "country", "region", "sector", "instrument", "q"];

    public static IEndpointRouteBuilder MapPracticeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/practices").WithTags("Practices");

        api.MapGet("", ListPractices)
            .WithName("ListPractices")
            .WithSummary("Practices matching every given filter; q searches title, summary and description.")
            .Produces<PracticeListResponse>()
            .ProducesValidationProblem();

        api.MapGet("/{id}", GetPractice)
            .WithName("GetPractice")
            .WithSummary("One practice with every field, its sources and related practices.");

        return app;
    }

    private static IResult ListPractices(HttpRequest request, PracticeCatalogue catalogue, QuestionnaireCatalog questionnaires, CatalogueTexts texts)
    {
        var (filter, errors) = ReadFilter(request.Query);
        foreach (var (field, messages) in PracticeSearch.Validate(filter, questionnaires.Current).ToDictionary())
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The filter is not valid.");
        }

        var labels = Labels(request.HttpContext, questionnaires, texts);
        var items = PracticeSearch.Apply(catalogue, filter, labels.Language == SupportedLanguages.Source ? null : p => (labels.Title(p), labels.Summary(p)));
        return TypedResults.Ok(new PracticeListResponse([.. items.Select(p => PracticeSummaryResponse.From(p, labels))], items.Count, catalogue.Version));
    }

    private static Results<Ok<PracticeResponse>, ProblemHttpResult> GetPractice(string id, HttpContext context, PracticeCatalogue catalogue, QuestionnaireCatalog questionnaires, CatalogueTexts texts) =>
        catalogue.Find(id) is { } practice
            ? TypedResults.Ok(PracticeResponse.From(practice, PracticeSearch.Related(catalogue, practice), Labels(context, questionnaires, texts)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Practice not found", detail: $"No practice has the id \u201c{id}\u201d.");

    /// <summary>
    /// Titles and summaries come in the request's language; descriptions, evidence and sources stay
    /// in English, the catalogue's language, so a translated answer declares both.
    /// </summary>
    private static PracticeLabels Labels(HttpContext context, QuestionnaireCatalog questionnaires, CatalogueTexts texts)
    {
        var language = PageLanguage.For(questionnaires.Current);
        if (language != SupportedLanguages.Source)
        {
            context.Response.Headers.ContentLanguage = $"{language}, {SupportedLanguages.Source}";
        }

        return new PracticeLabels(questionnaires.Current, language, texts);
    }

    /// <summary>Reads the filter from a query string; empty values mean "any".</summary>
    public static (PracticeFilter Filter, Dictionary<string, string[]> Errors) ReadFilter(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(k => !FilterParameters.Contains(k, StringComparer.Ordinal)))
        {
            errors[key] = [$"\u201c{key}\u201d is not a filter; use {string.Join(", ", FilterParameters)}."];
        }

        string? Value(string name)
        {
            var values = query[name];
            if (values.Count > 1)
            {
                errors[name] = ["Give one value."];
            }

            return values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0]!.Trim();
        }

        var filter = new PracticeFilter(Value("theme"), Value("dimension"), Value("barrier"), Value("country"), Value("region"), Value("sector"), Value("instrument"), Value("q"));
        return (filter, errors);
    }
}
