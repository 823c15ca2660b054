using SmartyAssess.Data;
using SmartyAssess.Web.Features.Assessments;
using SmartyAssess.Web.Features.Catalogue;
using SmartyAssess.Web.Features.Journey;
using SmartyAssess.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebHosting();            // Razor components (static SSR), problem details, OpenAPI, health, limits
builder.AddSmartyAssessData();      // EF Core on SQLite (default) or PostgreSQL; Data Protection keys in the database
builder.AddQuestionnaireJourney();  // questionnaire from data/ (validated now), drafts, submission
builder.AddPracticeCatalogue();     // good practices from data/catalogue, validated against the questionnaire

var app = builder.Build();

await app.PrepareDatabaseAsync();   // migrate, archive questionnaire versions
await app.SeedCatalogueAsync();     // validate the catalogue, mirror it into the database

app.UseWebHosting();                // error handling, security headers, antiforgery, static files
app.MapAssessmentApi();             // /api/questionnaire, /api/assessments
app.MapPracticeApi();               // /api/practices
app.MapWebHosting();                // pages, /openapi/v1.json, /health/*
app.PrintUrlWhenStarted();

app.Run();
