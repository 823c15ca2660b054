using Microsoft.Playwright;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// The questionnaire's small interactive behaviours with script on, and the same rules held by the
/// server with script off: exclusive answers, at most three most important barriers, the answered
/// count, and the warning before leaving unsaved changes.
/// </summary>
public class InteractionTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, Words Words)> StartAsync(bool javaScript, string locale = "en-GB")
    {
        var page = await app.NewPageAsync(locale, javaScript);
        var words = new Words(locale);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Site("StartButton") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/profile$"));
        return (page, words);
    }

    private Question Checklist => app.Questionnaire.Questions.First(q => q.Type == QuestionType.Checklist);

    [Fact]
    public async Task WithScript_NoneOfTheseClearsTheOtherTicks_AndTickingAStatementClearsNoneOfThese()
    {
        var (page, _) = await StartAsync(javaScript: true);
        var question = Checklist;
        await page.GotoAsync("/assessment/" + question.DimensionId);
        var statements = question.Options.Take(2).Select(o => page.Locator($"#q-{question.Id}-{o.Id}")).ToList();

        foreach (var box in statements)
        {
            await box.CheckAsync();
        }

        await page.Locator($"#q-{question.Id}-none").CheckAsync();
        foreach (var box in statements)
        {
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
        }

        await statements[0].CheckAsync();
        await Assertions.Expect(page.Locator($"#q-{question.Id}-none")).Not.ToBeCheckedAsync();
        await page.Locator($"#q-{question.Id}-dk").CheckAsync();
        await Assertions.Expect(statements[0]).Not.ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page.Locator($"#q-{question.Id}"), "80-exclusive-with-script");
    }

    [Fact]
    public async Task WithoutScript_TheServerRefusesAStatementTogetherWithNoneOfThese_AndKeepsTheTicks()
    {
        var (page, words) = await StartAsync(javaScript: false);
        var question = Checklist;
        await page.GotoAsync("/assessment/" + question.DimensionId);
        var statement = page.Locator($"#q-{question.Id}-{question.Options[0].Id}");

        await statement.CheckAsync();
        await page.Locator($"#q-{question.Id}-none").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();

        await Assertions.Expect(page.Locator($"#q-{question.Id}-error")).ToHaveTextAsync(words.Journey("ChecklistConflict"));
        await Assertions.Expect(statement).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator($"#q-{question.Id}-none")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page.Locator($"#q-{question.Id}"), "81-exclusive-without-script");
    }

    [Fact]
    public async Task WithScript_AtMostThreeBarriersCanBeMarkedMostImportant_AndMarkingOneTicksIt()
    {
        var (page, _) = await StartAsync(javaScript: true);
        await page.GotoAsync("/assessment/barriers");
        var barriers = app.Questionnaire.Barriers.Take(app.Questionnaire.MaxTopBarriers + 1).ToList();

        foreach (var barrier in barriers.Take(app.Questionnaire.MaxTopBarriers))
        {
            await page.Locator("#top-" + barrier.Id).CheckAsync();
            await Assertions.Expect(page.Locator("#barrier-" + barrier.Id)).ToBeCheckedAsync();
        }

        await Assertions.Expect(page.Locator("#top-" + barriers[^1].Id)).ToBeDisabledAsync();
        await page.Locator("#barrier-" + barriers[0].Id).UncheckAsync();
        await Assertions.Expect(page.Locator("#top-" + barriers[0].Id)).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#top-" + barriers[^1].Id)).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page.Locator("fieldset").First, "82-top-barriers-with-script");
    }

    [Fact]
    public async Task WithoutScript_TheServerRefusesAFourthMostImportantBarrier_WithAMessage()
    {
        var (page, words) = await StartAsync(javaScript: false);
        await page.GotoAsync("/assessment/barriers");
        var max = app.Questionnaire.MaxTopBarriers;

        foreach (var barrier in app.Questionnaire.Barriers.Take(max + 1))
        {
            await page.Locator("#top-" + barrier.Id).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/barriers$"));
        await Assertions.Expect(page.Locator("#barriers-error")).ToContainTextAsync(max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input.top-barrier:checked")).ToHaveCountAsync(max + 1);
    }

    [Fact]
    public async Task WithScript_TheAnsweredCountFollowsTheTicks_InThePagesLanguage()
    {
        var (page, words) = await StartAsync(javaScript: true, locale: "it-IT");
        var dimension = app.Questionnaire.Dimensions[0];
        await page.GotoAsync("/assessment/" + dimension.Id);
        var counter = page.Locator("[data-testid=answered-count]");
        await Assertions.Expect(counter).ToHaveTextAsync(words.Format(words.Journey("AnsweredCount"), 0, dimension.Questions.Count));

        await page.Locator($"#q-{dimension.Questions[0].Id}-dk").CheckAsync();
        await page.Locator($"#q-{dimension.Questions[1].Id}-na").CheckAsync();

        await Assertions.Expect(counter).ToHaveTextAsync(words.Format(words.Journey("AnsweredCount"), 2, dimension.Questions.Count));
    }

    [Fact]
    public async Task WithScript_LeavingAStepWithUnsavedChangesAsksFirst_SavingDoesNot()
    {
        var (page, words) = await StartAsync(javaScript: true);
        var dimension = app.Questionnaire.Dimensions[0];
        await page.GotoAsync("/assessment/" + dimension.Id);
        var asked = 0;
        var question = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked++;
            question.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };

        await page.Locator($"#q-{dimension.Questions[0].Id}-dk").CheckAsync();
        var leaving = page.Locator("a.brand").ClickAsync();

        Assert.Equal("beforeunload", await question.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        await leaving;
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/" + dimension.Id + "$"));
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveLater") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessment/saved$"));
        Assert.Equal(1, asked);
    }
}
