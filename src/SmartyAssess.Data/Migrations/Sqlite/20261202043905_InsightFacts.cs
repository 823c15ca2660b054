using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartyAssess.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InsightFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightFactRemovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FactId = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightFactRemovals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reassessment = table.Column<bool>(type: "INTEGER", nullable: false),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Barriers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightFacts_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationImpressions_ShownAt",
                table: "RecommendationImpressions",
                column: "ShownAt");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeFeedback_CreatedAt",
                table: "PracticeFeedback",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InsightFactRemovals_RemovedAt",
                table: "InsightFactRemovals",
                column: "RemovedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InsightFacts_AssessmentId",
                table: "InsightFacts",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightFacts_SubmittedAt",
                table: "InsightFacts",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiTokens_SecretHash",
                table: "PartnerApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiTokens_UserId",
                table: "PartnerApiTokens",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightFactRemovals");

            migrationBuilder.DropTable(
                name: "InsightFacts");

            migrationBuilder.DropTable(
                name: "PartnerApiTokens");

            migrationBuilder.DropIndex(
                name: "IX_RecommendationImpressions_ShownAt",
                table: "RecommendationImpressions");

            migrationBuilder.DropIndex(
                name: "IX_PracticeFeedback_CreatedAt",
                table: "PracticeFeedback");
        }
    }
}
