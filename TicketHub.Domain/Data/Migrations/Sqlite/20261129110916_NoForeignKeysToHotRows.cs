using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketHub.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoForeignKeysToHotRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Holdings_Events_EventId",
                table: "Holdings");

            migrationBuilder.DropForeignKey(
                name: "FK_Holdings_TicketLots_TicketLotId",
                table: "Holdings");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Events_EventId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_TicketLots_TicketLotId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_PurchaseCounters_Events_EventId",
                table: "PurchaseCounters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_Holdings_Events_EventId",
                table: "Holdings",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Holdings_TicketLots_TicketLotId",
                table: "Holdings",
                column: "TicketLotId",
                principalTable: "TicketLots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Events_EventId",
                table: "Orders",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_TicketLots_TicketLotId",
                table: "Orders",
                column: "TicketLotId",
                principalTable: "TicketLots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PurchaseCounters_Events_EventId",
                table: "PurchaseCounters",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
