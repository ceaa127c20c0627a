using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace TicketHub.Tests.Security;

/// <summary>
/// The real app process, started in Production with one fail-open setting each: it must exit with one clear log line
/// that names the setting. The control starts it with every setting safe and sees it serve.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tickethub-failclosed-{Guid.NewGuid():N}");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Every setting safe: Stripe (its key is only used when a charge is made), no demo data, a configured JWT key.
    private static Dictionary<string, string> SafeProduction() => new()
    {
        ["Payments__Provider"] = "Stripe",
        ["Stripe__SecretKey"] = "sk_test_not_used_at_start_up",
        ["Stripe__PublishableKey"] = "pk_test_not_used_at_start_up",
        ["Demo__Seed"] = "false",
        ["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Bench__Enabled"] = "false",
        ["Tickets__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    [Theory]
    [InlineData("Payments__Provider", "Test", "Payments:Provider")]
    [InlineData("Demo__Seed", "true", "Demo:Seed")]
    [InlineData("Jwt__SigningKey", "", "Jwt:SigningKey")]
    [InlineData("Bench__Enabled", "true", "Bench:Enabled")]
    [InlineData("Tickets__SigningKey", "", "Tickets:SigningKey")]
    public async Task Production_refuses_to_start_with_a_fail_open_setting(string variable, string value, string setting)
    {
        var settings = SafeProduction();
        settings[variable] = value;

        var (exitCode, output) = await RunUntilExitAsync(settings);

        Assert.Equal(1, exitCode);
        var refusal = Assert.Single(output.Split('\n'), line => line.Contains("Refusing to start in Production", StringComparison.Ordinal));
        Assert.Contains(setting, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_no_settings_at_all_refuses_to_start()
    {
        var (exitCode, output) = await RunUntilExitAsync(new Dictionary<string, string>());

        Assert.Equal(1, exitCode);
        Assert.Contains("Payments:Provider", output, StringComparison.Ordinal);
        Assert.Contains("Jwt:SigningKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledged_setting_is_allowed()
    {
        var settings = SafeProduction();
        settings["Payments__Provider"] = "Test";
        settings["Unsafe__AllowTestPayments"] = "true";

        await AssertServesAsync(settings);
    }

    [Fact]
    public async Task Production_with_every_setting_safe_starts_and_serves() => await AssertServesAsync(SafeProduction());

    private async Task AssertServesAsync(Dictionary<string, string> settings)
    {
        var port = FreePort();
        using var app = Start(settings, port);
        var output = app.StandardOutput.ReadToEndAsync(Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        try
        {
            while (true)
            {
                if (app.HasExited) Assert.Fail($"The app exited: {await output}");
                try
                {
                    if ((await http.GetAsync("/health/live", Ct)).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                Assert.True(DateTime.UtcNow < deadline, "The app did not answer /health/live within 60 s.");
                await Task.Delay(200, Ct);
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }
    }

    private async Task<(int ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string> settings)
    {
        using var app = Start(settings, FreePort());
        var output = app.StandardOutput.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The app kept running with a fail-open setting.");
        }
        return (app.ExitCode, await output);
    }

    private Process Start(Dictionary<string, string> settings, int port)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "TicketHub.Web"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["DataDirectory"] = _dataDirectory;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
