using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketHub.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BrowseFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CheapestCents",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityKey",
                table: "Events",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CountryKey",
                table: "Events",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Lineup",
                table: "Events",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Events",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PostalCodeKey",
                table: "Events",
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResaleCheapestCents",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResaleLeft",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StateKey",
                table: "Events",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TicketsLeft",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Events",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CityKey_StartUtc_Id",
                table: "Events",
                columns: new[] { "CityKey", "StartUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_CountryKey_StartUtc_Id",
                table: "Events",
                columns: new[] { "CountryKey", "StartUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_PostalCodeKey_StartUtc_Id",
                table: "Events",
                columns: new[] { "PostalCodeKey", "StartUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_StateKey_StartUtc_Id",
                table: "Events",
                columns: new[] { "StateKey", "StartUtc", "Id" });

            BrowseFiguresBackfill.Sqlite(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CityKey_StartUtc_Id",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_CountryKey_StartUtc_Id",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_PostalCodeKey_StartUtc_Id",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_StateKey_StartUtc_Id",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "CheapestCents",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "CityKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "CountryKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Lineup",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "PostalCodeKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ResaleCheapestCents",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ResaleLeft",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "StateKey",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TicketsLeft",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Events");
        }
    }
}
