using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.BrowserTests;

/// <summary>
/// The journey as an Italian and a Polish owner takes it: browser set to their language, the whole
/// questionnaire and the results in it, a switch of language half-way that loses nothing, and a
/// keyboard-only walk. Expected words come from the app's resources and the questionnaire's translations.
/// </summary>
public partial class LanguageBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("it-IT", "pl")]
    [InlineData("pl-PL", "it")]
    public async Task Journey_InTheBrowsersLanguage_FromStartToResults_SwitchingLanguageMidwayKeepsEveryAnswer(string locale, string other)
    {
        var questionnaire = app.Questionnaire;
        var values = SampleAnswers.FormValues(questionnaire);
        var words = new Words(locale);
        var language = words.Language;
        var page = await app.NewPageAsync(locale);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("[data-testid=unreviewed-notice]")).ToHaveTextAsync(words.Site("UnreviewedNotice"));
        await BrowserFixture.ScreenshotAsync(page, $"70-{language}-landing");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Site("StartButton") }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepProfile"));
        await page.SelectOptionAsync("#profile-sector", "C");
        await page.GetByLabel(questionnaire.FindProfileField("size")!.FindOption("small")!.Label.In(language)).CheckAsync();
        await page.SelectOptionAsync("#profile-country", "IT");
        await page.SelectOptionAsync("#profile-region", "ITI1");
        await page.SelectOptionAsync("#profile-role", "owner");
        await page.Locator("#profile-dih-no").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, $"71-{language}-profile");
        await ContinueAsync(page, words);

        var first = questionnaire.Dimensions[0];
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(first.Title.In(language));
        await AnswerAsync(page, first, values);
        await BrowserFixture.ScreenshotAsync(page, $"72-{language}-dimension");
        await ContinueAsync(page, words);
        // The save is an enhanced post: wait for the next step before using the switcher on it.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(questionnaire.Dimensions[1].Title.In(language));

        // Half-way, the owner switches language on the next step, then looks back at the saved one.
        await SwitchAsync(page, other);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", other);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(questionnaire.Dimensions[1].Title.In(other));
        await page.GotoAsync("/assessment/" + first.Id);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(first.Title.In(other));
        await Assertions.Expect(page.Locator($"#q-{first.Questions[0].Id} legend")).ToContainTextAsync(first.Questions[0].Text.In(other));
        await ExpectAnsweredAsync(page, first, values);
        await BrowserFixture.ScreenshotAsync(page, $"73-{language}-switched-to-{other}");
        await page.GotoAsync("/assessment/profile");
        await Assertions.Expect(page.Locator("#profile-region")).ToHaveValueAsync("ITI1");
        await SwitchAsync(page, language);

        await page.GotoAsync("/assessment/" + questionnaire.Dimensions[1].Id);
        foreach (var dimension in questionnaire.Dimensions.Skip(1))
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(dimension.Title.In(language));
            await AnswerAsync(page, dimension, values);
            await ContinueAsync(page, words);
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepBarriers"));
        foreach (var barrier in SampleAnswers.Barriers)
        {
            await page.Locator("#barrier-" + barrier).CheckAsync();
        }

        foreach (var top in SampleAnswers.TopBarriers)
        {
            await page.Locator("#top-" + top).CheckAsync();
        }

        foreach (var goal in SampleAnswers.Goals)
        {
            await page.Locator("#goal-" + goal).CheckAsync();
        }

        await ContinueAsync(page, words);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepReview"));
        await Assertions.Expect(page.GetByText(words.Journey("NotAnsweredYet"))).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"74-{language}-review");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Journey("Submit") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ResultsUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Results("Title"));
        await Assertions.Expect(page.Locator(".dimension-result")).ToHaveCountAsync(questionnaire.Dimensions.Count);
        var band = await page.Locator("[data-testid=overall-band]").TextContentAsync();
        Assert.Contains(band!.Trim(), questionnaire.BandLabels.Values.Select(l => l.In(language)));
        await Assertions.Expect(page.Locator(".recommendation .reasons li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#recommendations-title")).ToHaveTextAsync(words.Results("RecommendationsTitle"));
        await BrowserFixture.ScreenshotAsync(page, $"75-{language}-results");
        await BrowserFixture.ScreenshotAsync(page.Locator("section.overall"), $"75-{language}-results-overall");
        await BrowserFixture.ScreenshotAsync(page.Locator(".recommendation").First, $"75-{language}-results-recommendation");
    }

    [Fact]
    public async Task KeyboardOnly_ItalianJourney_FocusAlwaysVisible_ErrorSummaryTakesFocus_EveryControlLabelledInItalian()
    {
        var questionnaire = app.Questionnaire;
        var values = SampleAnswers.FormValues(questionnaire);
        var words = new Words("it-IT");
        var page = await app.NewPageAsync("it-IT");
        await page.GotoAsync("/");

        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepProfile"));
        await ExpectLabelledInAsync(page, "it");

        // A failed save: the error summary takes focus, in Italian.
        await TabToAsync(page, $"button[value=next]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary h2")).ToHaveTextAsync(words.Journey("ErrorsOnStep"));
        await BrowserFixture.ScreenshotAsync(page, "76-it-keyboard-error-summary");

        foreach (var (field, value) in SampleAnswers.Profile)
        {
            if (await page.Locator($"select#profile-{field}").CountAsync() > 0)
            {
                await TabToAsync(page, $"#profile-{field}");
                await SelectByKeyboardAsync(page, $"#profile-{field}", value);
            }
            else
            {
                await ChooseRadioByKeyboardAsync(page, "profile." + field, value);
            }
        }

        await TabToAsync(page, "button[value=next]");
        await page.Keyboard.PressAsync("Enter");
        foreach (var dimension in questionnaire.Dimensions)
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(dimension.Title.In("it"));
            await ExpectLabelledInAsync(page, "it");
            foreach (var question in dimension.Questions)
            {
                var answer = values[question.Id];
                if (question.Type == QuestionType.Checklist)
                {
                    foreach (var value in answer)
                    {
                        await TabToAsync(page, $"#q-{question.Id}-{value.TrimStart('_')}");
                        await page.Keyboard.PressAsync("Space");
                    }
                }
                else
                {
                    await ChooseRadioByKeyboardAsync(page, "q." + question.Id, answer[0]);
                }
            }

            await TabToAsync(page, "button[value=next]");
            await page.Keyboard.PressAsync("Enter");
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepBarriers"));
        await ExpectLabelledInAsync(page, "it");
        foreach (var barrier in SampleAnswers.Barriers)
        {
            await TabToAsync(page, "#barrier-" + barrier);
            await page.Keyboard.PressAsync("Space");
        }

        await TabToAsync(page, "button[value=next]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Journey("StepReview"));
        await TabToAsync(page, "button[value=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(ResultsUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Results("Title"));
        await BrowserFixture.ScreenshotAsync(page, "77-it-keyboard-results");
    }

    private static Task ContinueAsync(IPage page, Words words) => page.GetByRole(AriaRole.Button, new() { Name = words.Journey("SaveAndContinue") }).ClickAsync();

    private static async Task SwitchAsync(IPage page, string language)
    {
        await page.SelectOptionAsync("#language-select", language);
        await page.Locator("form[data-testid=language-switcher] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    private static async Task AnswerAsync(IPage page, Dimension dimension, IReadOnlyDictionary<string, string[]> values)
    {
        foreach (var question in dimension.Questions)
        {
            foreach (var value in values[question.Id])
            {
                await page.Locator($"#q-{question.Id}-{value.TrimStart('_')}").CheckAsync();
            }
        }
    }

    private static async Task ExpectAnsweredAsync(IPage page, Dimension dimension, IReadOnlyDictionary<string, string[]> values)
    {
        foreach (var question in dimension.Questions)
        {
            foreach (var value in values[question.Id])
            {
                await Assertions.Expect(page.Locator($"#q-{question.Id}-{value.TrimStart('_')}")).ToBeCheckedAsync();
            }
        }
    }

    /// <summary>Presses Tab until the element is focused; at every stop the focus must be visible.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>(
                """
                (selector) => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return ["", "body"];
                  const style = getComputedStyle(el);
                  const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
                  return [el.matches(selector) ? "match" : "", visible ? "visible" : (el.outerHTML.slice(0, 120))];
                }
                """,
                selector);
            Assert.True(focus[1] is "visible" or "body", "focus is not visible on " + focus[1]);
            if (focus[0] == "match")
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}");
    }

    private static async Task ChooseRadioByKeyboardAsync(IPage page, string name, string value)
    {
        await TabToAsync(page, $"input[type=radio][name=\"{name}\"]");
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.value") != value; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator($"input[name=\"{name}\"][value=\"{value}\"]")).ToBeCheckedAsync();
    }

    private static async Task SelectByKeyboardAsync(IPage page, string selector, string value)
    {
        for (var i = 0; i < 400 && await page.Locator(selector).InputValueAsync() != value; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(page.Locator(selector)).ToHaveValueAsync(value);
    }

    /// <summary>Every form control in the main content has a label, and no label is an English text that the page's language words differently.</summary>
    private async Task ExpectLabelledInAsync(IPage page, string language)
    {
        var labels = await page.EvaluateAsync<string[][]>(
            """
            () => [...document.querySelectorAll("main input:not([type=hidden]), main select, main textarea")]
              .map(el => [el.id || el.name, ((el.labels && el.labels.length ? el.labels[0].textContent : "") || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim()])
            """);
        Assert.Empty(labels.Where(l => l[1].Length == 0).Select(l => l[0]));
        var english = EnglishOnly(language);
        Assert.Empty(labels.Where(l => english.Contains(l[1]) || english.Any(e => l[1].EndsWith(" " + e, StringComparison.Ordinal))).Select(l => $"{l[0]}: {l[1]}"));
        Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }

    /// <summary>The English texts of the questionnaire's options and fields and of the journey's own labels that differ in <paramref name="language"/>.</summary>
    private HashSet<string> EnglishOnly(string language)
    {
        var questionnaire = app.Questionnaire;
        var texts = questionnaire.Questions.SelectMany(q => q.Options.Select(o => o.Label))
            .Concat(questionnaire.Profile.SelectMany(f => f.Options.Select(o => o.Label).Append(f.Label)))
            .Concat(questionnaire.Barriers.Select(b => b.Label))
            .Concat(questionnaire.Goals.Select(g => g.Label))
            .Select(t => (English: t.In("en"), Translated: t.In(language)));
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        var journey = new[] { "NoneOfThese", "DontKnow", "NotApplicable", "TopBarrier" }
            .Select(k => (English: SmartyAssess.Web.JourneyText.ResourceManager.GetString(k, System.Globalization.CultureInfo.InvariantCulture)!, Translated: SmartyAssess.Web.JourneyText.ResourceManager.GetString(k, culture)!));
        return [.. texts.Concat(journey).Where(t => t.English != t.Translated).Select(t => t.English)];
    }

    private static Regex ResultsUrl() => ResultsPattern();

    [GeneratedRegex("/results/[A-Za-z0-9_-]{22}$")]
    private static partial Regex ResultsPattern();
}
