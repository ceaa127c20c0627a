using Microsoft.Extensions.Options;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;

namespace TicketHub.Web.Hosting;

/// <summary>Periodically settles orders left Pending by a request that died between charge and settlement.</summary>
public sealed class PendingOrderReconciler(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, ILogger<PendingOrderReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ReconcileIntervalSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reconciliation = scope.ServiceProvider.GetRequiredService<PendingOrderReconciliation>();
                await reconciliation.ReconcileAsync(TimeSpan.FromMinutes(options.Value.PendingTimeoutMinutes), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round (the database away during a failover, or a bug) must not stop the node, as a
                // rethrow from a hosted service would: it is logged as an error and the next tick tries again.
                logger.LogError(ex, "Reconciling pending orders failed; trying again in {Interval}.", interval);
            }
        }
    }
}
