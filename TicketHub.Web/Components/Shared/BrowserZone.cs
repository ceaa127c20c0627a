using Microsoft.JSInterop;

namespace TicketHub.Web.Components.Shared;

/// <summary>
/// The visitor's own time zone as their browser reports it, asked once per circuit. Only a live (interactive) page
/// can ask; a prerendered one has no browser to ask, so callers ask after rendering.
/// </summary>
public sealed class BrowserZone(IJSRuntime js) : IAsyncDisposable
{
    private Task<string?>? _zone;
    private IJSObjectReference? _module;

    public Task<string?> GetAsync() => _zone ??= AskAsync();

    private async Task<string?> AskAsync()
    {
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/browser-zone.js");
        if (_module is null) return null;   // a test renderer with no browser behind it
        var id = await _module.InvokeAsync<string?>("timeZone");
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
