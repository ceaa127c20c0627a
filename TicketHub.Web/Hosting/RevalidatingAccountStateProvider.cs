using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;

namespace TicketHub.Web.Hosting;

/// <summary>
/// An open Blazor circuit keeps the user its cookie had when it started; this re-checks the account every
/// <see cref="SessionOptions.CircuitRevalidationInterval"/> and signs the circuit out when it no longer stands.
/// </summary>
public sealed class RevalidatingAccountStateProvider(
    ILoggerFactory loggers, AccountStatusCache standing, IServiceScopeFactory scopes, IOptions<SessionOptions> session)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => session.Value.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await AccountStandingCheck.IsValidAsync(state.User, standing, scope.ServiceProvider, ct);
    }
}
