using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Payments;

/// <summary>
/// The test gateway's record of one charge, kept in the database so that every node sees it: a reconciler on another
/// node must find the charge a dead node made. It stands in for the payment provider's own records.
/// </summary>
public sealed class TestPaymentCharge
{
    public required string OrderId { get; init; }
    public long AmountMinor { get; init; }
    public required string Currency { get; init; }
    public required string PaymentMethod { get; init; }
    public bool Succeeded { get; init; }
    public required string Reference { get; init; }
    public string? DeclineCode { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    public PaymentOutcome ToOutcome() =>
        Succeeded ? PaymentOutcome.Success(Reference) : PaymentOutcome.Decline(DeclineCode ?? "card_declined", Reference);
}

internal sealed class TestPaymentChargeConfiguration : IEntityTypeConfiguration<TestPaymentCharge>
{
    public void Configure(EntityTypeBuilder<TestPaymentCharge> b)
    {
        b.HasKey(c => c.OrderId);   // one charge per order: the order id is the idempotency key
        b.Property(c => c.OrderId).HasMaxLength(Ids.MaxLength);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Property(c => c.PaymentMethod).HasMaxLength(64);
        b.Property(c => c.Reference).HasMaxLength(128);
        b.Property(c => c.DeclineCode).HasMaxLength(64);
    }
}
