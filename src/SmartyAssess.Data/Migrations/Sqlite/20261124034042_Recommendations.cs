using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartyAssess.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PracticeFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeFeedback_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PracticeFeedback_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationImpressions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    ShownAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationImpressions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationImpressions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationImpressions_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommenderModels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComparedWith = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CurrentNdcg = table.Column<double>(type: "REAL", nullable: false),
                    CandidateNdcg = table.Column<double>(type: "REAL", nullable: false),
                    HeldOutFirms = table.Column<int>(type: "INTEGER", nullable: false),
                    GateReport = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommenderModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeFeedback_AssessmentId_Id",
                table: "PracticeFeedback",
                columns: new[] { "AssessmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeFeedback_PracticeId",
                table: "PracticeFeedback",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationImpressions_AssessmentId_ModelVersion_PracticeId",
                table: "RecommendationImpressions",
                columns: new[] { "AssessmentId", "ModelVersion", "PracticeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationImpressions_PracticeId",
                table: "RecommendationImpressions",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommenderModels_ModelVersion",
                table: "RecommenderModels",
                column: "ModelVersion",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommenderModels_Published_Id",
                table: "RecommenderModels",
                columns: new[] { "Published", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PracticeFeedback");

            migrationBuilder.DropTable(
                name: "RecommendationImpressions");

            migrationBuilder.DropTable(
                name: "RecommenderModels");
        }
    }
}
