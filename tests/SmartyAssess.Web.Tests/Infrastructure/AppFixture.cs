using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Features.Journey;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>One app instance shared by the tests of a class; each test uses its own browser (cookies) or ids.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public SmartyAssessFactory Factory { get; } = new();

    public Questionnaire Questionnaire => Factory.Services.GetRequiredService<QuestionnaireCatalog>().Current;

    public Browser NewBrowser() => new(Factory.CreateBrowser());

    public Task InitializeAsync()
    {
        Factory.CreateClient().Dispose(); // start the host (migrations, archive)
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
