using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Events;

/// <summary>
/// Keeps <see cref="EventFigures"/> current: every Cache:AvailabilityRefreshMilliseconds it recomputes the events
/// marked changed since the last tick, and every Cache:AvailabilityHealSeconds it recomputes any event whose figures
/// differ from its stock (the marks of a node that crashed are lost with it).
/// </summary>
public sealed class EventFiguresRefresher(EventFigures figures, IOptions<CacheOptions> options, ILogger<EventFiguresRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.AvailabilityRefreshMilliseconds));
        var healEvery = Math.Max(1, (int)(TimeSpan.FromSeconds(Math.Max(1, options.Value.AvailabilityHealSeconds)) / tick));
        using var timer = new PeriodicTimer(tick);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (figures.HasChanges) await figures.RefreshChangedAsync(stoppingToken);
                if (++ticks % healEvery == 0 && await figures.RefreshStaleAsync(stoppingToken) is > 0 and var healed)
                    logger.LogInformation("Recomputed the figures of {Count} event(s) that differed from their stock.", healed);
            }
            catch (Exception ex) when ((ex is DbException or DbUpdateException or TimeoutException) && !stoppingToken.IsCancellationRequested)
            {
                // The database is away or busy: the marks stay, and the next tick tries again.
                logger.LogWarning(ex, "Refreshing event figures failed; trying again in {Tick}.", tick);
            }
        }
    }
}
