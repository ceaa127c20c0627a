using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketHub.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ETicketsAndWaitingRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketUnits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    TicketLotId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    HoldingId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ListingId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CheckedInAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketUnits", x => x.Id);
                    table.CheckConstraint("CK_TicketUnits_Generation", "\"Generation\" >= 1");
                    table.ForeignKey(
                        name: "FK_TicketUnits_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitingRooms",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EarlyArrivals = table.Column<int>(type: "integer", nullable: false),
                    LastPosition = table.Column<int>(type: "integer", nullable: false),
                    AdmittedThrough = table.Column<int>(type: "integer", nullable: false),
                    AdmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PassRequired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitingRooms", x => x.EventId);
                    table.CheckConstraint("CK_WaitingRooms_Admitted", "\"AdmittedThrough\" >= 0 AND \"AdmittedThrough\" <= \"LastPosition\"");
                    table.ForeignKey(
                        name: "FK_WaitingRooms_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QueueEntries",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    UserId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    DrawKey = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: true),
                    JoinedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AdmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueEntries", x => new { x.EventId, x.UserId });
                    table.ForeignKey(
                        name: "FK_QueueEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QueueEntries_WaitingRooms_EventId",
                        column: x => x.EventId,
                        principalTable: "WaitingRooms",
                        principalColumn: "EventId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QueueEntries_EventId_DrawKey",
                table: "QueueEntries",
                columns: new[] { "EventId", "DrawKey" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueEntries_EventId_Position",
                table: "QueueEntries",
                columns: new[] { "EventId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueEntries_UserId",
                table: "QueueEntries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketUnits_EventId_CheckedInAtUtc",
                table: "TicketUnits",
                columns: new[] { "EventId", "CheckedInAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketUnits_HoldingId_Status",
                table: "TicketUnits",
                columns: new[] { "HoldingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketUnits_ListingId_Status",
                table: "TicketUnits",
                columns: new[] { "ListingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketUnits_OwnerId",
                table: "TicketUnits",
                column: "OwnerId");

            // Tickets bought before e-tickets: one active unit per held ticket, and one listed unit per ticket on a
            // listing (or reserved from one by a purchase still pending), as the services keep them from now on.
            migrationBuilder.Sql("""
                INSERT INTO "TicketUnits" ("Id", "EventId", "TicketLotId", "HoldingId", "OwnerId", "Generation", "Status", "ListingId", "IssuedAtUtc", "CheckedInAtUtc")
                SELECT substr(md5(random()::text || clock_timestamp()::text), 1, 14), h."EventId", h."TicketLotId", h."Id", h."UserId", 1, 'Active', NULL, h."PurchasedAtUtc", NULL
                FROM "Holdings" AS h CROSS JOIN LATERAL generate_series(1, h."Count");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TicketUnits" ("Id", "EventId", "TicketLotId", "HoldingId", "OwnerId", "Generation", "Status", "ListingId", "IssuedAtUtc", "CheckedInAtUtc")
                SELECT substr(md5(random()::text || clock_timestamp()::text), 1, 14), l."EventId", l."TicketLotId", l."HoldingId", l."SellerId", 1, 'Listed', l."Id", l."CreatedAtUtc", NULL
                FROM "ResaleListings" AS l
                CROSS JOIN LATERAL generate_series(1, l."Count" + COALESCE((SELECT SUM(o."Count") FROM "Orders" AS o WHERE o."ListingId" = l."Id" AND o."Status" = 'Pending'), 0)::int);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueueEntries");

            migrationBuilder.DropTable(
                name: "TicketUnits");

            migrationBuilder.DropTable(
                name: "WaitingRooms");
        }
    }
}
