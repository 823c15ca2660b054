using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data;
using SmartyAssess.Recommender;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// Finds the model to serve: the latest model published in the database (so every instance serves
/// the same one), else the shipped file in <c>models/</c>, else the rule prior alone. A model that
/// cannot be read is logged and skipped; the service keeps recommending either way.
/// </summary>
public sealed class ModelLoader(ModelHolder holder, RecommenderOptions options, IServiceScopeFactory scopes, ILogger<ModelLoader> logger)
{
    private long? _unusablePublishedId;

    public string ModelFilePath => Path.IsPathRooted(options.ModelFile) ? options.ModelFile : Path.Combine(AppContext.BaseDirectory, options.ModelFile);

    public async Task<ServingModel> LoadAtStartupAsync(CancellationToken cancellationToken)
    {
        if (await RefreshFromDatabaseAsync(cancellationToken) is { } published)
        {
            return published;
        }

        var path = ModelFilePath;
        try
        {
            var (model, metadata) = ModelFile.Load(path);
            var serving = holder.Swap(model, metadata, "file " + path);
            logger.LogInformation("Recommender model {Version} loaded from {Path} (trained on {TrainedOn})", serving.ModelVersion, path, metadata.TrainedOn);
            WarnIfOtherCatalogue(metadata);
            return serving;
        }
        catch (ModelFileException e)
        {
            logger.LogError("Recommender model {Path} cannot be used: {Problem} Recommending by the rule prior alone until a model is published.", path, e.Message);
            return holder.ServePrior(e.Message);
        }
    }

    /// <summary>Swaps in the latest published model when it is not the one being served; returns it, or null when nothing changed.</summary>
    public async Task<ServingModel?> RefreshFromDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartyDbContext>();
        var latest = await db.RecommenderModels.AsNoTracking()
            .Where(m => m.Published)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.ModelVersion })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null || latest.Id == holder.CurrentOrNull?.PublishedId || latest.Id == _unusablePublishedId)
        {
            return null;
        }

        var json = await db.RecommenderModels.AsNoTracking().Where(m => m.Id == latest.Id).Select(m => m.Json).SingleAsync(cancellationToken);
        try
        {
            var (model, metadata) = ModelFile.Deserialize(json);
            var serving = holder.Swap(model, metadata, $"published model #{latest.Id}", latest.Id);
            logger.LogInformation("Recommender model {Version} (published #{Id}) is now served", serving.ModelVersion, latest.Id);
            WarnIfOtherCatalogue(metadata);
            return serving;
        }
        catch (ModelFileException e)
        {
            _unusablePublishedId = latest.Id;
            logger.LogError("Published recommender model {Version} (#{Id}) cannot be used: {Problem} Keeping the current model.", latest.ModelVersion, latest.Id, e.Message);
            return null;
        }
    }

    private void WarnIfOtherCatalogue(ModelMetadata metadata)
    {
        if (metadata.CatalogueHash != holder.CatalogueHash)
        {
            logger.LogWarning(
                "Recommender model {Version} was trained on another version of the catalogue: new or re-tagged practices are ranked by their metadata alone until the model is retrained (see models/README.md)",
                metadata.ModelVersion);
        }
    }
}
