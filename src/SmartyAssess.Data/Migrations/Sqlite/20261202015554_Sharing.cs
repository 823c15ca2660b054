using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartyAssess.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HubId",
                table: "PracticeFeedback",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PreviousAssessmentId",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "StartedByHubId",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Targets",
                table: "Assessments",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "{}"); // existing assessments have no targets yet: one level up is shown

            migrationBuilder.CreateTable(
                name: "ActionPlanItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PracticeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdvisorNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisorNotes_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdvisorNotes_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ErasedLinks",
                columns: table => new
                {
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ErasedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedLinks", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "HubApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HubApiTokens_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmLabel = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PrivacyNoticeVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContinuedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareConsents_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShareConsents_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeFeedback_HubId",
                table: "PracticeFeedback",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PreviousAssessmentId",
                table: "Assessments",
                column: "PreviousAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SeriesId",
                table: "Assessments",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SubmittedAt_UpdatedAt",
                table: "Assessments",
                columns: new[] { "SubmittedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_AssessmentId_HubId",
                table: "ActionPlanItems",
                columns: new[] { "AssessmentId", "HubId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_HubId",
                table: "ActionPlanItems",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_PracticeId",
                table: "ActionPlanItems",
                column: "PracticeId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorNotes_AssessmentId_HubId",
                table: "AdvisorNotes",
                columns: new[] { "AssessmentId", "HubId" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorNotes_HubId",
                table: "AdvisorNotes",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_HubApiTokens_HubId",
                table: "HubApiTokens",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_HubApiTokens_SecretHash",
                table: "HubApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareConsents_AssessmentId_HubId",
                table: "ShareConsents",
                columns: new[] { "AssessmentId", "HubId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareConsents_HubId_RevokedAt",
                table: "ShareConsents",
                columns: new[] { "HubId", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanItems");

            migrationBuilder.DropTable(
                name: "AdvisorNotes");

            migrationBuilder.DropTable(
                name: "ErasedLinks");

            migrationBuilder.DropTable(
                name: "HubApiTokens");

            migrationBuilder.DropTable(
                name: "ShareConsents");

            migrationBuilder.DropIndex(
                name: "IX_PracticeFeedback_HubId",
                table: "PracticeFeedback");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_PreviousAssessmentId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_SeriesId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_SubmittedAt_UpdatedAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "HubId",
                table: "PracticeFeedback");

            migrationBuilder.DropColumn(
                name: "PreviousAssessmentId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "StartedByHubId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "Targets",
                table: "Assessments");
        }
    }
}
