using Microsoft.Extensions.Options;
using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Opens waiting rooms when their on-sale starts and lets visitors in at the configured rate. Every node runs it; the
/// database's conditional updates make each admission step happen once.
/// </summary>
public sealed class WaitingRoomTicker(IServiceScopeFactory scopes, IOptions<WaitingRoomOptions> options, ILogger<WaitingRoomTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.TickSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WaitingRoomService>().TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The waiting-room ticker failed; trying again in {Interval}.", interval);
            }
        }
    }
}
