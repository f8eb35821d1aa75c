using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "DeletedById",
                table: "Articles",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LiveRevision",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingRevision",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingStatus",
                table: "Articles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishedAtChosen",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRound",
                table: "Articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewStage",
                table: "Articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevisedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"PublishedAtChosen\" = TRUE, \"LiveRevision\" = \"Version\" WHERE \"Status\" IN ('Published', 'Scheduled', 'Withdrawn')");
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
