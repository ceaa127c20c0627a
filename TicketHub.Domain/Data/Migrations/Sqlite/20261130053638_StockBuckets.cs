using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketHub.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StockBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketLotStock",
                columns: table => new
                {
                    LotId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketLotStock", x => new { x.LotId, x.Bucket });
                    table.CheckConstraint("CK_TicketLotStock_Remaining", "\"Remaining\" >= 0");
                    table.ForeignKey(
                        name: "FK_TicketLotStock_TicketLots_LotId",
                        column: x => x.LotId,
                        principalTable: "TicketLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every lot's stock so far becomes its one bucket; new lots are split over several (StockBuckets).
            migrationBuilder.Sql("INSERT INTO \"TicketLotStock\" (\"LotId\", \"Bucket\", \"Remaining\") SELECT \"Id\", 0, \"Remaining\" FROM \"TicketLots\";");
            migrationBuilder.DropCheckConstraint(
                name: "CK_TicketLots_Accounted",
                table: "TicketLots");
            migrationBuilder.DropCheckConstraint(
                name: "CK_TicketLots_Remaining",
                table: "TicketLots");
            migrationBuilder.DropColumn(
                name: "Remaining",
                table: "TicketLots");
            migrationBuilder.AddColumn<int>(
                name: "StockBucket",
                table: "Orders",
                type: "INTEGER",
                nullable: true);
            migrationBuilder.AddCheckConstraint(
                name: "CK_TicketLots_Accounted",
                table: "TicketLots",
                sql: "\"Removed\" <= \"Uploaded\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_TicketLots_Accounted",
                table: "TicketLots");
            migrationBuilder.DropColumn(
                name: "StockBucket",
                table: "Orders");
            migrationBuilder.AddColumn<int>(
                name: "Remaining",
                table: "TicketLots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
            migrationBuilder.AddCheckConstraint(
                name: "CK_TicketLots_Accounted",
                table: "TicketLots",
                sql: "\"Remaining\" + \"Removed\" <= \"Uploaded\"");
            migrationBuilder.AddCheckConstraint(
                name: "CK_TicketLots_Remaining",
                table: "TicketLots",
                sql: "\"Remaining\" >= 0");

            migrationBuilder.Sql("UPDATE \"TicketLots\" SET \"Remaining\" = (SELECT COALESCE(SUM(s.\"Remaining\"), 0) FROM \"TicketLotStock\" s WHERE s.\"LotId\" = \"TicketLots\".\"Id\");");
            migrationBuilder.DropTable(
                name: "TicketLotStock");
        }
    }
}
