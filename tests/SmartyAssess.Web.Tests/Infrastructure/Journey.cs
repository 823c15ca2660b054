using AngleSharp.Dom;
using SmartyAssess.Assessment.Questionnaires;

namespace SmartyAssess.Web.Tests.Infrastructure;

/// <summary>Intent-level steps of the questionnaire journey, over <see cref="Browser"/>.</summary>
public static class Journey
{
    public static IEnumerable<KeyValuePair<string, string>> Next => [new("move", "next")];

    public static async Task<string> StartAsync(Browser browser)
    {
        var landing = await browser.GetOkAsync("/");
        return await browser.PostAndRedirectAsync("/", landing, []);
    }

    public static IEnumerable<KeyValuePair<string, string>> ProfileFields(IReadOnlyDictionary<string, string> profile) =>
        profile.Select(p => new KeyValuePair<string, string>("profile." + p.Key, p.Value));

    public static IEnumerable<KeyValuePair<string, string>> QuestionFields(Dimension dimension, IReadOnlyDictionary<string, string[]> values) =>
        dimension.Questions.Where(q => values.ContainsKey(q.Id)).SelectMany(q => values[q.Id].Select(v => new KeyValuePair<string, string>("q." + q.Id, v)));

    public static IEnumerable<KeyValuePair<string, string>> BarrierFields(IEnumerable<string> barriers, IEnumerable<string> top, IEnumerable<string> goals) =>
        barriers.Select(b => new KeyValuePair<string, string>("barrier", b))
            .Concat(top.Select(t => new KeyValuePair<string, string>("top", t)))
            .Concat(goals.Select(g => new KeyValuePair<string, string>("goal", g)));

    /// <summary>Posts one step with "Save and continue" and returns where it led.</summary>
    public static async Task<string> SaveStepAsync(Browser browser, string step, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var url = "/assessment/" + step;
        var page = await browser.GetOkAsync(url);
        return await browser.PostAndRedirectAsync(url, page, fields.Concat(Next));
    }

    /// <summary>Answers every step with the sample firm's answers, up to the review page.</summary>
    public static async Task CompleteAllStepsAsync(Browser browser, Questionnaire questionnaire)
    {
        var values = SampleAnswers.FormValues(questionnaire);
        Assert.Equal("/assessment/" + questionnaire.Dimensions[0].Id, await SaveStepAsync(browser, "profile", ProfileFields(SampleAnswers.Profile)));
        foreach (var dimension in questionnaire.Dimensions)
        {
            await SaveStepAsync(browser, dimension.Id, QuestionFields(dimension, values));
        }

        Assert.Equal("/assessment/review", await SaveStepAsync(browser, "barriers", BarrierFields(SampleAnswers.Barriers, SampleAnswers.TopBarriers, SampleAnswers.Goals)));
    }

    public static async Task<string> SubmitAsync(Browser browser)
    {
        var review = await browser.GetOkAsync("/assessment/review");
        return await browser.PostAndRedirectAsync("/assessment/review", review, [new("move", "submit")]);
    }

    public static string ResumeLink(IDocument page) =>
        page.QuerySelector("#resume-link")?.GetAttribute("value") ?? throw new InvalidOperationException("No resume link on the page");

    public static IReadOnlySet<string> Checked(IDocument page, string name) =>
        page.QuerySelectorAll($"input[name='{name}']").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")!).ToHashSet();
}
