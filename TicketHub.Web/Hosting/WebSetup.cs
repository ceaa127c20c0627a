using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Audit;
using MudBlazor.Services;
using Scalar.AspNetCore;
using TicketHub.Web.Api;
using TicketHub.Web.Bench;
using TicketHub.Web.Components;
using TicketHub.Web.Components.Account;
using TicketHub.Web.Components.Layout;
using TicketHub.Web.Components.Pages.Vendor;
using TicketHub.Web.Components.Shared;

namespace TicketHub.Web.Hosting;

public static class WebSetup
{
    public static IServiceCollection AddTicketHubWeb(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddTicketHubProblemDetails();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<IClientOrigin, HttpClientOrigin>());
        services.AddTicketHubRateLimiting(config);
        services.AddTicketHubApiJson();
        services.AddTicketHubOpenApi();
        services.AddSingleton<CachedJson>();
        services.AddSingleton<ThemeStylesheet>();
        services.AddSingleton<ContentSecurityPolicy>();
        services.AddScoped<BrowserZone>();
        services.Configure<PageCacheOptions>(config.GetSection(PageCacheOptions.Section));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);   // binding errors reach ApiExceptionHandler with their message
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddTicketHubRedisHealth(config);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Loopback proxies are trusted by default; others are listed by address (ForwardedHeaders:KnownProxies) or
            // by network (ForwardedHeaders:KnownNetworks, CIDR). Only one hop is taken from X-Forwarded-For, the one
            // the trusted proxy appended, so a client cannot choose the address it is limited and audited by.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        return services;
    }

    public static WebApplication UseTicketHubPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        // Before authentication, so the bare 401/403 of the bearer handler also gets a problem body.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseRouting();
        // Before authentication: the global concurrency limit also holds for requests that will be turned away, and
        // the per-address policies need only the route.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AnonymousPageCache>();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        // No web fonts: the reference page loads nothing from outside this origin (CSP).
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("TicketHub API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts())
            .WithEnglishLanguage();
        app.MapTicketHubApi();
        app.MapTicketKey();
        app.MapBenchCeiling(app.Configuration);
        app.MapAccountEndpoints();
        app.MapVendorSalesExport();

        app.MapStaticAssets();
        app.MapGet(ThemeStylesheet.Path, async (ThemeStylesheet theme, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(await theme.GetCssAsync(), "text/css", System.Text.Encoding.UTF8);
        }).ExcludeFromDescription();
        // The app's own Content-Security-Policy (SecurityHeaders) says frame-ancestors 'none'; Blazor's default would
        // send a second policy of its own.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
