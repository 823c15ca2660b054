using SmartyAssess.Data;
using SmartyAssess.Web.Features.Accounts;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.DataRights;
using SmartyAssess.Web.Features.Hubs;
using SmartyAssess.Web.Features.Insights;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Features.Languages;
using SmartyAssess.Web.Features.Progress;
using SmartyAssess.Web.Features.Recommendations;
using SmartyAssess.Web.Features.Sharing;
using SmartyAssess.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebHosting();            // Razor components (static SSR), problem details, OpenAPI, health, limits
builder.AddLanguages();             // ten languages: ?lang=, the switcher's cookie, Accept-Language; review marks of the translations
builder.AddSmartyAssessData();      // EF Core on SQLite (default), PostgreSQL or SQL Server; Data Protection keys in the database
builder.AddAccounts();              // Identity for advisors, analysts and admins: password rules, lockout, throttling, session cookie
builder.AddQuestionnaireJourney();  // questionnaire from data/ (validated now), drafts, submission
builder.AddPracticeCatalogue();     // good practices from data/catalogue, validated against the questionnaire
builder.AddRecommender();           // model from the database or models/, refreshed without restart; impressions and feedback
builder.AddSharing();               // an SME shares its results with a hub, with a consent record, and takes it back
builder.AddHubs();                  // the advisor workspace and the hub's read-only API tokens
builder.AddProgress();              // re-assessment (T0 → T1), deltas and targets
builder.AddDataRights();            // export and erasure of an assessment; purge of abandoned drafts
builder.AddInsights();              // regional partners' aggregates, small groups suppressed

var app = builder.Build();

await app.PrepareDatabaseAsync();   // migrate, archive questionnaire versions
await app.SeedCatalogueAsync();     // validate the catalogue, mirror it into the database
await app.LoadRecommenderAsync();   // the latest published model, else the shipped one, else the rule prior
await app.SeedDemoAccountsAsync();  // Development only: a demo hub with an advisor, an analyst and an admin, printed at start

app.UseLanguages();                 // the request's language, and Content-Language on what is sent back (first: error and status pages speak it too)
app.UseWebHosting();                // error handling, security headers, friendly status pages
app.UseAccounts();                  // authentication (session cookie), authorization
app.UseFormsAndAssets();            // antiforgery on every form, static files
app.MapAssessmentApi();             // /api/questionnaire, /api/assessments
app.MapPracticeApi();               // /api/practices
app.MapRecommendationEndpoints();   // /api/assessments/{id}/recommendations and /feedback; the results page's feedback form
app.MapLanguages();                 // POST /language (the switcher)
app.MapAccounts();                  // /account/signout (the account pages are components)
app.MapSharing();                   // /results/{id}/shares/{consent}/revoke (the share page is a component)
app.MapHubs();                      // /api/hub/clients, the workspace's form posts and CSV under /hub
app.MapProgress();                  // /api/assessments/{id}/history, /results/{id}/reassess and /targets
app.MapDataRights();                // /api/assessments/{id}/export, DELETE /api/assessments/{id}, /results/{id}/export
app.MapInsights();                  // /api/insights/barriers, /insights/barriers.csv (the dashboard is a component)
app.MapWebHosting();                // pages, /openapi/v1.json, /health/*
app.PrintUrlWhenStarted();

app.Run();
