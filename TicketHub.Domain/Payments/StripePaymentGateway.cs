using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Stripe;

namespace TicketHub.Domain.Payments;

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The secret API key (sk_test_… or sk_live_…). Comes from user secrets or the environment, never appsettings.json.</summary>
    [Required]
    public string SecretKey { get; set; } = "";

    /// <summary>The publishable key (pk_…) the checkout page gives Stripe.js, which collects card details in Stripe's own frame.</summary>
    [Required]
    public string PublishableKey { get; set; } = "";

    /// <summary>Base URL of the Stripe API; null means Stripe's own. Tests and benchmarks point it at a local stub.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Retries after network errors, 409s and 5xx answers. Safe because every charge carries an idempotency key.</summary>
    [Range(0, 5)]
    public int MaxNetworkRetries { get; set; } = 2;
}

/// <summary>Charges through Stripe PaymentIntents. The only type in TicketHub that touches Stripe.net.</summary>
public sealed class StripePaymentGateway : IPaymentGateway
{
    private readonly PaymentIntentService _intents;

    /// <param name="httpClient">Optional, e.g. from IHttpClientFactory; null uses Stripe.net's shared client.</param>
    public StripePaymentGateway(IOptions<StripeOptions> options, HttpClient? httpClient = null)
    {
        var settings = options.Value;
        var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = settings.ApiBase, // null falls back to StripeClient.DefaultApiBase
            HttpClient = new SystemNetHttpClient(httpClient, settings.MaxNetworkRetries),
        });
        _intents = new PaymentIntentService(client);
    }

    public async Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = StripeAmounts.ToStripe(request.AmountMinor, request.Currency),
            Currency = request.Currency.ToLowerInvariant(),
            PaymentMethod = request.PaymentMethod,
            Confirm = true,
            Description = request.Description,
            Metadata = new Dictionary<string, string> { ["order_id"] = request.OrderId },
            // Without this, confirm=true also needs a return_url for redirect-based methods; TicketHub has no
            // redirect flow, so only methods that complete in one call are allowed.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
        };
        // The order id as idempotency key: a retry (ours or Stripe.net's) replays the first answer instead of charging twice.
        var requestOptions = new RequestOptions { IdempotencyKey = "order-" + request.OrderId };

        try
        {
            return ToOutcome(await _intents.CreateAsync(create, requestOptions, ct));
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            return PaymentOutcome.Decline(DeclineCode(ex.StripeError), ex.StripeError.PaymentIntent?.Id);
        }
        catch (StripeException ex) when (ex.StripeError is { Type: "invalid_request_error", Param: "payment_method" })
        {
            // Unknown or unusable payment method: Stripe rejected it before charging, so the outcome is known.
            // Same code as TestPaymentGateway gives for tokens it does not know.
            return PaymentOutcome.Decline("invalid_payment_method");
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            throw new PaymentUnavailableException($"Stripe did not settle the charge for order {request.OrderId}: {ex.Message}", ex);
        }
    }

    public async Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct)
    {
        // Order ids are [0-9a-z], so they need no escaping inside the quoted search term.
        // Stripe's search index lags writes (usually under a minute), so a charge made moments ago may not show yet.
        var search = new PaymentIntentSearchOptions { Query = $"metadata['order_id']:'{orderId}'" };
        try
        {
            var intents = (await _intents.SearchAsync(search, requestOptions: null, ct)).Data;
            var succeeded = intents.FirstOrDefault(i => i.Status == "succeeded");
            if (succeeded is not null) return ToOutcome(succeeded);
            return intents.Count > 0 ? ToOutcome(intents[0]) : null;
        }
        catch (Exception ex) when (IsUnavailable(ex, ct))
        {
            throw new PaymentUnavailableException($"Stripe could not be asked about order {orderId}: {ex.Message}", ex);
        }
    }

    private static PaymentOutcome ToOutcome(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => PaymentOutcome.Success(intent.Id),
        "requires_payment_method" or "canceled" => PaymentOutcome.Decline(DeclineCode(intent.LastPaymentError), intent.Id),
        // requires_action (3-D Secure) or processing: TicketHub has no flow to finish these yet, so the
        // buyer is told to use another card rather than left waiting.
        _ => PaymentOutcome.Decline("payment_incomplete", intent.Id),
    };

    private static string DeclineCode(StripeError? error) => error?.DeclineCode ?? error?.Code ?? "card_declined";

    // Only failures of Stripe or the network: the caller cancelling is not "unavailable".
    private static bool IsUnavailable(Exception ex, CancellationToken ct) =>
        ex is StripeException or HttpRequestException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);
}
