using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SiteShapeAndInspection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GovBadgeUrl",
                table: "SiteSettings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HideWhenEmpty",
                table: "Sections",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Sections",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "List");

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Sections",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateClass",
                table: "Sections",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "News");

            migrationBuilder.AddColumn<string>(
                name: "AltText",
                table: "MediaFiles",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsHeadline",
                table: "Articles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsPictureNews",
                table: "Articles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PinnedUntil",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HomeBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SectionId = table.Column<int>(type: "int", nullable: true),
                    Count = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeBlocks_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    VetoCount = table.Column<int>(type: "int", nullable: false),
                    WarningCount = table.Column<int>(type: "int", nullable: false),
                    InfoCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Url = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Ok = table.Column<bool>(type: "bit", nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: true),
                    Problem = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeBlockLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HomeBlockId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ImageId = table.Column<int>(type: "int", nullable: true),
                    AltText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeBlockLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeBlockLinks_HomeBlocks_HomeBlockId",
                        column: x => x.HomeBlockId,
                        principalTable: "HomeBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HomeBlockLinks_MediaFiles_ImageId",
                        column: x => x.ImageId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<int>(type: "int", nullable: false),
                    Rule = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_InspectionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "InspectionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IsHeadline_PublishedAt",
                table: "Articles",
                columns: new[] { "IsHeadline", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IsPictureNews_PublishedAt",
                table: "Articles",
                columns: new[] { "IsPictureNews", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PinnedUntil",
                table: "Articles",
                column: "PinnedUntil");

            migrationBuilder.CreateIndex(
                name: "IX_HomeBlockLinks_HomeBlockId",
                table: "HomeBlockLinks",
                column: "HomeBlockId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeBlockLinks_ImageId",
                table: "HomeBlockLinks",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeBlocks_SectionId",
                table: "HomeBlocks",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeBlocks_SortOrder",
                table: "HomeBlocks",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_RunId",
                table: "InspectionFindings",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRuns_FinishedAt",
                table: "InspectionRuns",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LinkChecks_CheckedAt",
                table: "LinkChecks",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LinkChecks_Url",
                table: "LinkChecks",
                column: "Url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeBlockLinks");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "LinkChecks");

            migrationBuilder.DropTable(
                name: "HomeBlocks");

            migrationBuilder.DropTable(
                name: "InspectionRuns");

            migrationBuilder.DropIndex(
                name: "IX_Articles_IsHeadline_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_IsPictureNews_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PinnedUntil",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "GovBadgeUrl",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "HideWhenEmpty",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "LinkUrl",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "UpdateClass",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "AltText",
                table: "MediaFiles");

            migrationBuilder.DropColumn(
                name: "IsHeadline",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IsPictureNews",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PinnedUntil",
                table: "Articles");
        }
    }
}
