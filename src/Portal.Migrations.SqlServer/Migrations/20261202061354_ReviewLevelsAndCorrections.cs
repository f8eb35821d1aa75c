using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReviewLevelsAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewLevels",
                table: "Sections",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "DeletedById",
                table: "Articles",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LiveRevision",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingRevision",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingStatus",
                table: "Articles",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishedAtChosen",
                table: "Articles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRound",
                table: "Articles",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewStage",
                table: "Articles",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevisedAt",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledAt",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArticleId = table.Column<int>(type: "int", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    RevisionNumber = table.Column<int>(type: "int", nullable: false),
                    ReviewerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleApprovals_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ScheduledAt",
                table: "Articles",
                columns: new[] { "Status", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleApprovals_ArticleId_Round_Level",
                table: "ArticleApprovals",
                columns: new[] { "ArticleId", "Round", "Level" },
                unique: true);

            // Existing articles: a scheduled one keeps its time as the scheduler's; a published
            // or scheduled one shows its current date and has its current revision live.
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"ScheduledAt\" = \"PublishedAt\" WHERE \"Status\" = 'Scheduled'");
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"PublishedAtChosen\" = 1, \"LiveRevision\" = \"Version\" WHERE \"Status\" IN ('Published', 'Scheduled', 'Withdrawn')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleApprovals");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ScheduledAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewLevels",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "DeletedById",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LiveRevision",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PendingRevision",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PendingStatus",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PublishedAtChosen",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewRound",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ReviewStage",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RevisedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ScheduledAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Articles");
        }
    }
}
