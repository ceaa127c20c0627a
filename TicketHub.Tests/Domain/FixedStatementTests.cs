using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Data;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class FixedStatementOnSqlite() : FixedStatementTests(DatabaseProvider.Sqlite);
public sealed class FixedStatementOnPostgres() : FixedStatementTests(DatabaseProvider.Postgres);

/// <summary>
/// <see cref="FixedStatement"/>: one SQL text, built once per model, run again and again with new values, inside the
/// caller's transaction like any EF command.
/// </summary>
public abstract class FixedStatementTests(DatabaseProvider provider) : DomainTest(provider)
{
    private static readonly FixedStatement Insert = new("""
        INSERT INTO "TestPaymentCharges" ("OrderId", "AmountMinor", "Currency", "PaymentMethod", "Succeeded", "Reference", "DeclineCode", "CreatedAtUtc")
        VALUES ({0}, {1}, 'EUR', 'pm_card_visa', {2}, {3}, {4}, {5})
        ON CONFLICT ("OrderId") DO NOTHING
        """, typeof(string), typeof(long), typeof(bool), typeof(string), typeof(string), typeof(DateTime));

    private static readonly FixedStatement Declined = new("""
        SELECT "OrderId", "AmountMinor" FROM "TestPaymentCharges" WHERE "Succeeded" = {0} ORDER BY "OrderId"
        """, typeof(bool));

    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Runs_again_with_new_values_and_stores_nulls_as_null()
    {
        await using var db = Database.CreateContext();

        Assert.Equal(1, await Insert.ExecuteAsync(db, Ct, "o1", 100L, true, "ref1", null, At));
        Assert.Equal(1, await Insert.ExecuteAsync(db, Ct, "o2", 250L, false, "ref2", "card_declined", At.AddMinutes(1)));

        var stored = await db.TestPaymentCharges.AsNoTracking().OrderBy(c => c.OrderId).ToListAsync(Ct);
        Assert.Equal(["o1", "o2"], stored.Select(c => c.OrderId));
        Assert.Equal([100L, 250L], stored.Select(c => c.AmountMinor));
        Assert.Equal([null, "card_declined"], stored.Select(c => c.DeclineCode));
        Assert.Equal([At, At.AddMinutes(1)], stored.Select(c => c.CreatedAtUtc));
    }

    [Fact]
    public async Task Returns_the_rows_changed_and_the_rows_read()
    {
        await using var db = Database.CreateContext();
        await Insert.ExecuteAsync(db, Ct, "o1", 100L, false, "ref1", "card_declined", At);

        Assert.Equal(0, await Insert.ExecuteAsync(db, Ct, "o1", 999L, true, "ref1", null, At));
        var declined = await Declined.ReadAsync(db, r => (r.GetString(0), r.GetInt64(1)), Ct, false);
        Assert.Equal([("o1", 100L)], declined);
        Assert.Empty(await Declined.ReadAsync(db, r => r.GetString(0), Ct, true));
    }

    [Fact]
    public async Task Runs_inside_the_callers_transaction()
    {
        await using var db = Database.CreateContext();
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await Insert.ExecuteAsync(db, Ct, "o1", 100L, true, "ref1", null, At);
            await tx.RollbackAsync(Ct);
        }

        Assert.False(await db.Set<TestPaymentCharge>().AnyAsync(Ct));
    }

    [Fact]
    public async Task Runs_again_on_the_same_connection_before_and_after_it_closed()
    {
        await using var db = Database.CreateContext();

        await db.Database.OpenConnectionAsync(Ct);
        await Insert.ExecuteAsync(db, Ct, "o1", 100L, false, "ref1", "card_declined", At);
        await Insert.ExecuteAsync(db, Ct, "o2", 200L, false, "ref2", "card_declined", At);
        await db.Database.CloseConnectionAsync();
        await db.Database.OpenConnectionAsync(Ct);
        await Insert.ExecuteAsync(db, Ct, "o3", 300L, false, "ref3", "card_declined", At);
        await db.Database.CloseConnectionAsync();

        var declined = await Declined.ReadAsync(db, r => r.GetInt64(1), Ct, false);
        Assert.Equal([100L, 200L, 300L], declined);
    }

    [Fact]
    public async Task Refuses_a_wrong_number_of_values()
    {
        await using var db = Database.CreateContext();

        await Assert.ThrowsAsync<ArgumentException>(() => Insert.ExecuteAsync(db, Ct, "o1", 100L));
    }
}
