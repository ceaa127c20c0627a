using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Payments;

namespace TicketHub.Tests.Payments;

/// <summary>Runs the real Stripe.net client against a loopback stub of the Stripe API, so the wire format is checked too.</summary>
public sealed class StripePaymentGatewayTests
{
    private const string OrderId = "0k2v9x4m7p1q3r";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentRequest Request(string paymentMethod = "pm_card_visa") =>
        new(OrderId, 2500, "USD", paymentMethod, "2 tickets");

    [Fact]
    public async Task A_successful_charge_sends_amount_currency_method_and_confirm_with_the_order_as_idempotency_key()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.CreateAnswer = (200, Intent("pi_123", "succeeded"));

        var outcome = await Gateway(stripe).ChargeAsync(Request(), Ct);

        Assert.Equal(PaymentOutcome.Success("pi_123"), outcome);
        var sent = Assert.Single(stripe.Requests);
        Assert.Equal(("POST", "/v1/payment_intents"), (sent.Method, sent.Path));
        Assert.Equal("2500", sent.Form["amount"]);
        Assert.Equal("usd", sent.Form["currency"]);
        Assert.Equal("pm_card_visa", sent.Form["payment_method"]);
        Assert.Equal("true", sent.Form["confirm"]);
        Assert.Equal(OrderId, sent.Form["metadata[order_id]"]);
        Assert.Equal("never", sent.Form["automatic_payment_methods[allow_redirects]"]);
        Assert.Equal($"order-{OrderId}", sent.Headers["Idempotency-Key"]);
        Assert.Equal("Bearer sk_test_stub", sent.Headers["Authorization"]);
    }

    [Theory]
    [InlineData(1234L, "USD", "1234")]     // 12.34 USD in cents
    [InlineData(500L, "JPY", "500")]       // ¥500: zero-decimal at Stripe too
    [InlineData(3L, "ISK", "300")]         // 3 ISK: whole units here, hundredths (always 00) at Stripe
    [InlineData(4500L, "HUF", "450000")]
    [InlineData(990L, "TWD", "99000")]
    public async Task The_amount_sent_follows_Stripes_currency_rules(long minorUnits, string currency, string amount)
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.CreateAnswer = (200, Intent("pi_cur", "succeeded"));

        await Gateway(stripe).ChargeAsync(new PaymentRequest(OrderId, minorUnits, currency, "pm_card_visa", "tickets"), Ct);

        var sent = Assert.Single(stripe.Requests);
        Assert.Equal(amount, sent.Form["amount"]);
        Assert.Equal(currency.ToLowerInvariant(), sent.Form["currency"]);
    }

    [Fact]
    public async Task A_card_error_is_a_decline_with_its_code()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        var intent = Intent("pi_declined", "requires_payment_method");
        stripe.CreateAnswer = (402, $$"""
            {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
             "message":"Your card has insufficient funds.","payment_intent":{{intent}} } }
            """);

        var outcome = await Gateway(stripe).ChargeAsync(Request("pm_card_chargeDeclinedInsufficientFunds"), Ct);

        Assert.Equal(PaymentOutcome.Decline("insufficient_funds", "pi_declined"), outcome);
    }

    [Fact]
    public async Task An_unknown_payment_method_is_a_decline()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.CreateAnswer = (400, """
            {"error":{"type":"invalid_request_error","code":"resource_missing","param":"payment_method",
             "message":"No such PaymentMethod: 'pm_nope'"}}
            """);

        var outcome = await Gateway(stripe).ChargeAsync(Request("pm_nope"), Ct);

        Assert.Equal(PaymentOutcome.Decline("invalid_payment_method"), outcome);
    }

    [Fact]
    public async Task A_charge_that_asks_for_3D_Secure_is_declined_as_incomplete()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.CreateAnswer = (200, Intent("pi_3ds", "requires_action"));

        var outcome = await Gateway(stripe).ChargeAsync(Request("pm_card_threeDSecure2Required"), Ct);

        Assert.Equal(PaymentOutcome.Decline("payment_incomplete", "pi_3ds"), outcome);
    }

    [Fact]
    public async Task A_server_error_is_payment_unavailable()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.CreateAnswer = (500, """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""");

        var ex = await Assert.ThrowsAsync<PaymentUnavailableException>(() => Gateway(stripe).ChargeAsync(Request(), Ct));

        Assert.IsType<Stripe.StripeException>(ex.InnerException);
        Assert.Single(stripe.Requests); // MaxNetworkRetries = 0 here; the default would retry
    }

    [Fact]
    public async Task An_unreachable_provider_is_payment_unavailable()
    {
        var stripe = await StripeStub.StartAsync(Ct);
        var gateway = Gateway(stripe);
        await stripe.DisposeAsync(); // nothing listens on its port any more

        var ex = await Assert.ThrowsAsync<PaymentUnavailableException>(() => gateway.ChargeAsync(Request(), Ct));

        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Find_returns_the_outcome_of_an_earlier_charge_for_the_order()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.SearchAnswer = (200, SearchResult(Intent("pi_123", "succeeded")));

        var outcome = await Gateway(stripe).FindAsync(OrderId, Ct);

        Assert.Equal(PaymentOutcome.Success("pi_123"), outcome);
        var sent = Assert.Single(stripe.Requests);
        Assert.Equal(("GET", "/v1/payment_intents/search"), (sent.Method, sent.Path));
        Assert.Equal($"metadata['order_id']:'{OrderId}'", sent.Query["query"]);
    }

    [Fact]
    public async Task Find_returns_the_decline_code_of_a_declined_charge()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        var lastError = """{"type":"card_error","code":"card_declined","decline_code":"expired_card"}""";
        stripe.SearchAnswer = (200, SearchResult(Intent("pi_declined", "requires_payment_method", lastError)));

        var outcome = await Gateway(stripe).FindAsync(OrderId, Ct);

        Assert.Equal(PaymentOutcome.Decline("expired_card", "pi_declined"), outcome);
    }

    [Fact]
    public async Task Find_returns_null_when_the_provider_has_no_charge()
    {
        await using var stripe = await StripeStub.StartAsync(Ct);
        stripe.SearchAnswer = (200, SearchResult());

        Assert.Null(await Gateway(stripe).FindAsync(OrderId, Ct));
    }

    private static StripePaymentGateway Gateway(StripeStub stripe) =>
        new(Options.Create(new StripeOptions { SecretKey = "sk_test_stub", ApiBase = stripe.BaseUrl, MaxNetworkRetries = 0 }));

    private static string Intent(string id, string status, string lastPaymentError = "null") => $$"""
        {"id":"{{id}}","object":"payment_intent","status":"{{status}}","amount":2500,"currency":"usd",
         "metadata":{"order_id":"{{OrderId}}"},"last_payment_error":{{lastPaymentError}}}
        """;

    private static string SearchResult(params string[] intents) => $$"""
        {"object":"search_result","data":[{{string.Join(",", intents)}}],"has_more":false,"url":"/v1/payment_intents/search"}
        """;

    private sealed record SentRequest(
        string Method,
        string Path,
        IReadOnlyDictionary<string, string> Query,
        IReadOnlyDictionary<string, string> Headers,
        IReadOnlyDictionary<string, string> Form);

    /// <summary>A loopback HTTP server that answers the two PaymentIntent routes with canned JSON and records what it was sent.</summary>
    private sealed class StripeStub : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<SentRequest> _requests = new();

        private StripeStub(WebApplication app) => _app = app;

        public (int Status, string Json) CreateAnswer { get; set; } = (404, "{}");
        public (int Status, string Json) SearchAnswer { get; set; } = (404, "{}");
        public IReadOnlyCollection<SentRequest> Requests => _requests;
        public string BaseUrl => _app.Urls.Single();

        public static async Task<StripeStub> StartAsync(CancellationToken ct)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var stub = new StripeStub(app);
            app.MapPost("/v1/payment_intents", context => stub.AnswerAsync(context, stub.CreateAnswer));
            app.MapGet("/v1/payment_intents/search", context => stub.AnswerAsync(context, stub.SearchAnswer));
            await app.StartAsync(ct);
            return stub;
        }

        private async Task AnswerAsync(HttpContext context, (int Status, string Json) answer)
        {
            var request = context.Request;
            var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
            _requests.Enqueue(new SentRequest(
                request.Method,
                request.Path.Value ?? "",
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? []));

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
