using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace TicketHub.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Performers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 511, nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Performers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Performers_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Venues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StreetAddress = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    AddlAddress = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CityKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StateKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CountryKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    PostalCodeKey = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Venues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Venues_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    VenueId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    VendorId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.CheckConstraint("CK_Events_EndAfterStart", "\"EndUtc\" > \"StartUtc\"");
                    table.ForeignKey(
                        name: "FK_Events_AspNetUsers_VendorId",
                        column: x => x.VendorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Events_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Performances",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    PerformerId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Performances", x => new { x.EventId, x.PerformerId });
                    table.ForeignKey(
                        name: "FK_Performances_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Performances_Performers_PerformerId",
                        column: x => x.PerformerId,
                        principalTable: "Performers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseCounters",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Bought = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseCounters", x => new { x.UserId, x.EventId });
                    table.CheckConstraint("CK_PurchaseCounters_Bought", "\"Bought\" >= 0 AND \"Bought\" <= 10");
                    table.ForeignKey(
                        name: "FK_PurchaseCounters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PurchaseCounters_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketLots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    VendorId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Uploaded = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketLots", x => x.Id);
                    table.CheckConstraint("CK_TicketLots_Accounted", "\"Remaining\" + \"Removed\" <= \"Uploaded\"");
                    table.CheckConstraint("CK_TicketLots_Price", "\"PriceCents\" >= 0");
                    table.CheckConstraint("CK_TicketLots_Remaining", "\"Remaining\" >= 0");
                    table.CheckConstraint("CK_TicketLots_Removed", "\"Removed\" >= 0");
                    table.CheckConstraint("CK_TicketLots_Uploaded", "\"Uploaded\" >= 1");
                    table.ForeignKey(
                        name: "FK_TicketLots_AspNetUsers_VendorId",
                        column: x => x.VendorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketLots_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Holdings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    TicketLotId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    PricePaidCents = table.Column<long>(type: "INTEGER", nullable: false),
                    PurchasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holdings", x => x.Id);
                    table.CheckConstraint("CK_Holdings_Count", "\"Count\" >= 0");
                    table.CheckConstraint("CK_Holdings_Price", "\"PricePaidCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_Holdings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Holdings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Holdings_TicketLots_TicketLotId",
                        column: x => x.TicketLotId,
                        principalTable: "TicketLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    TicketLotId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ListingId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.CheckConstraint("CK_Orders_Amount", "\"AmountCents\" >= 0");
                    table.CheckConstraint("CK_Orders_Count", "\"Count\" >= 1");
                    table.ForeignKey(
                        name: "FK_Orders_AspNetUsers_BuyerId",
                        column: x => x.BuyerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_TicketLots_TicketLotId",
                        column: x => x.TicketLotId,
                        principalTable: "TicketLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResaleListings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SellerId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    HoldingId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    TicketLotId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Sold = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SellerPaidCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResaleListings", x => x.Id);
                    table.CheckConstraint("CK_ResaleListings_Count", "\"Count\" >= 0");
                    table.CheckConstraint("CK_ResaleListings_Price", "\"PriceCents\" >= 0 AND \"PriceCents\" <= \"SellerPaidCents\"");
                    table.CheckConstraint("CK_ResaleListings_Sold", "\"Sold\" >= 0");
                    table.ForeignKey(
                        name: "FK_ResaleListings_AspNetUsers_SellerId",
                        column: x => x.SellerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResaleListings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResaleListings_Holdings_HoldingId",
                        column: x => x.HoldingId,
                        principalTable: "Holdings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResaleListings_TicketLots_TicketLotId",
                        column: x => x.TicketLotId,
                        principalTable: "TicketLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Payouts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SellerId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ListingId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payouts_AspNetUsers_SellerId",
                        column: x => x.SellerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payouts_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payouts_ResaleListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "ResaleListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-individual", "individual-v1", "Individual", "INDIVIDUAL" },
                    { "role-vendor", "vendor-v1", "Vendor", "VENDOR" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_StartUtc_Id",
                table: "Events",
                columns: new[] { "StartUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_VendorId_StartUtc",
                table: "Events",
                columns: new[] { "VendorId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_VenueId_StartUtc",
                table: "Events",
                columns: new[] { "VenueId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Holdings_EventId",
                table: "Holdings",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Holdings_TicketLotId",
                table: "Holdings",
                column: "TicketLotId");

            migrationBuilder.CreateIndex(
                name: "IX_Holdings_UserId_TicketLotId_PricePaidCents",
                table: "Holdings",
                columns: new[] { "UserId", "TicketLotId", "PricePaidCents" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerId_CreatedAtUtc",
                table: "Orders",
                columns: new[] { "BuyerId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerId_IdempotencyKey",
                table: "Orders",
                columns: new[] { "BuyerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_EventId",
                table: "Orders",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_CreatedAtUtc",
                table: "Orders",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TicketLotId",
                table: "Orders",
                column: "TicketLotId");

            migrationBuilder.CreateIndex(
                name: "IX_Payouts_ListingId",
                table: "Payouts",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_Payouts_OrderId",
                table: "Payouts",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payouts_SellerId",
                table: "Payouts",
                column: "SellerId");

            migrationBuilder.CreateIndex(
                name: "IX_Performances_PerformerId_EventId",
                table: "Performances",
                columns: new[] { "PerformerId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_Performers_CreatedById",
                table: "Performers",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Performers_NameKey",
                table: "Performers",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseCounters_EventId",
                table: "PurchaseCounters",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_ResaleListings_EventId_Status_PriceCents",
                table: "ResaleListings",
                columns: new[] { "EventId", "Status", "PriceCents" });

            migrationBuilder.CreateIndex(
                name: "IX_ResaleListings_HoldingId",
                table: "ResaleListings",
                column: "HoldingId");

            migrationBuilder.CreateIndex(
                name: "IX_ResaleListings_SellerId_Status",
                table: "ResaleListings",
                columns: new[] { "SellerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResaleListings_TicketLotId",
                table: "ResaleListings",
                column: "TicketLotId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketLots_EventId_PriceCents",
                table: "TicketLots",
                columns: new[] { "EventId", "PriceCents" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketLots_VendorId",
                table: "TicketLots",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_CityKey_CountryKey",
                table: "Venues",
                columns: new[] { "CityKey", "CountryKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Venues_CountryKey",
                table: "Venues",
                column: "CountryKey");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_CreatedById",
                table: "Venues",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_NameKey",
                table: "Venues",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_PostalCodeKey",
                table: "Venues",
                column: "PostalCodeKey");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_StateKey",
                table: "Venues",
                column: "StateKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Payouts");

            migrationBuilder.DropTable(
                name: "Performances");

            migrationBuilder.DropTable(
                name: "PurchaseCounters");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "ResaleListings");

            migrationBuilder.DropTable(
                name: "Performers");

            migrationBuilder.DropTable(
                name: "Holdings");

            migrationBuilder.DropTable(
                name: "TicketLots");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Venues");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
