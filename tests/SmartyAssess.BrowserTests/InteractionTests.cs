using System.Text.RegularExpressions;
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
        var questions = new List<(string Type, string Message)>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add((dialog.Type, dialog.Message));
            await dialog.DismissAsync();
        };

        // A link: asked in the page's words, and refusing stays with the unsaved tick.
        await page.Locator($"#q-{dimension.Questions[0].Id}-dk").CheckAsync();
        await page.Locator("a.brand").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/" + dimension.Id + "$"));
        await Assertions.Expect(page.Locator($"#q-{dimension.Questions[0].Id}-dk")).ToBeCheckedAsync();
        Assert.Equal([("confirm", words.Journey("UnsavedChanges"))], questions);

        // Saving is not leaving.
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveLater") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/saved$"));
        Assert.Single(questions);
    }

    [Fact]
    public async Task WithScript_StepsArePatchedInWithoutAPageLoad_FocusOnTheNewHeading_BackAsksAboutUnsavedChanges()
    {
        var (page, words) = await StartAsync(javaScript: true);
        var first = app.Questionnaire.Dimensions[0];
        var second = app.Questionnaire.Dimensions[1];
        await page.GotoAsync("/assessment/" + first.Id);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        foreach (var question in first.Questions)
        {
            await page.Locator($"#q-{question.Id}-dk").CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/" + second.Id + "$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(second.Title.In("en"));
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the next step was a full page load");
        Assert.StartsWith(second.Title.In("en"), await page.TitleAsync());
        await Assertions.Expect(page.Locator("[data-testid=answered-count]")).ToHaveAttributeAsync("aria-live", "polite");

        // Back in the browser with an unsaved tick asks, and refusing keeps the step and the tick.
        var asked = 0;
        page.Dialog += async (_, dialog) =>
        {
            asked++;
            if (asked == 1) { await dialog.DismissAsync(); } else { await dialog.AcceptAsync(); }
        };
        await page.Locator($"#q-{second.Questions[0].Id}-dk").CheckAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/" + second.Id + "$"));
        await Assertions.Expect(page.Locator($"#q-{second.Questions[0].Id}-dk")).ToBeCheckedAsync();
        Assert.Equal(1, asked);

        // Agreeing to leave goes back to the saved first step.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/" + first.Id + "$"));
        await Assertions.Expect(page.Locator($"#q-{first.Questions[0].Id}-dk")).ToBeCheckedAsync();
        Assert.Equal(2, asked);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "going back was a full page load");
    }
}
