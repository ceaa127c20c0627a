using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Orders;

namespace TicketHub.Tests.Components;

/// <summary>
/// With Stripe as the provider, card details are typed into Stripe's own element and never reach TicketHub: the page
/// renders no card field, and all the server receives is the payment-method id Stripe.js returns.
/// </summary>
public sealed class StripeCheckoutTests : ComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly RecordingGateway _gateway = new();

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Payments:Provider"] = "Stripe",
        ["Stripe:SecretKey"] = "sk_test_never_sent_to_the_browser",
        ["Stripe:PublishableKey"] = "pk_test_for_the_browser",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPaymentGateway>(_gateway);

    private async Task<IRenderedComponent<Checkout>> CheckoutAsync()
    {
        var lot = await LotOnSaleAsync(40m);
        await SignInAsync("stripefan", UserType.Individual);
        Service<NavigationManager>().NavigateTo($"/checkout?ticket={lot}&count=2");
        var page = Render<Checkout>();
        page.WaitForElement("#stripe-card-element", Patience);
        return page;
    }

    [Fact]
    public async Task Stripes_element_collects_the_card_and_no_card_field_renders()
    {
        var module = JSInterop.SetupModule("./js/stripe-checkout.js");
        module.SetupVoid("mount", _ => true).SetVoidResult();

        var page = await CheckoutAsync();

        Assert.Empty(page.FindAll("#card-number"));
        Assert.Empty(page.FindAll("input[autocomplete='cc-number']"));
        page.WaitForAssertion(() =>
        {
            var mount = Assert.Single(module.Invocations, i => i.Identifier == "mount");
            Assert.Equal(["pk_test_for_the_browser", "stripe-card-element"], mount.Arguments);
        }, Patience);
        Assert.DoesNotContain("sk_test_never_sent_to_the_browser", page.Markup);
    }

    [Fact]
    public async Task Paying_sends_only_the_payment_method_Stripe_js_returned()
    {
        var module = JSInterop.SetupModule("./js/stripe-checkout.js");
        module.SetupVoid("mount", _ => true).SetVoidResult();
        module.Setup<Checkout.StripePaymentMethod>("createPaymentMethod", _ => true).SetResult(new("pm_from_stripe", null));
        var page = await CheckoutAsync();
        page.WaitForAssertion(() => Assert.Contains(module.Invocations, i => i.Identifier == "mount"), Patience);

        page.Find("#pay-button").Click();

        page.WaitForAssertion(() => Assert.Contains("/orders/", Service<NavigationManager>().Uri), Patience);
        Assert.Equal("pm_from_stripe", Assert.Single(_gateway.Charges).PaymentMethod);
        Assert.Empty(Assert.Single(module.Invocations, i => i.Identifier == "createPaymentMethod").Arguments);
    }

    [Fact]
    public async Task A_card_Stripe_refuses_is_shown_and_nothing_is_charged()
    {
        var module = JSInterop.SetupModule("./js/stripe-checkout.js");
        module.SetupVoid("mount", _ => true).SetVoidResult();
        module.Setup<Checkout.StripePaymentMethod>("createPaymentMethod", _ => true).SetResult(new(null, "Your card number is incomplete."));
        var page = await CheckoutAsync();
        page.WaitForAssertion(() => Assert.Contains(module.Invocations, i => i.Identifier == "mount"), Patience);

        page.Find("#pay-button").Click();

        page.WaitForAssertion(() => Assert.Contains("incomplete", page.Find("#card-error").TextContent), Patience);
        Assert.Empty(_gateway.Charges);
    }

    private sealed class RecordingGateway : IPaymentGateway
    {
        public List<PaymentRequest> Charges { get; } = [];

        public Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
        {
            lock (Charges) Charges.Add(request);
            return Task.FromResult(PaymentOutcome.Success("pi_" + request.OrderId));
        }

        public Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct) => Task.FromResult<PaymentOutcome?>(null);
    }
}
