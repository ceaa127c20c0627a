using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketHub.Domain;
using TicketHub.Domain.Data;

namespace TicketHub.Bench;

/// <summary>The domain services over one database, wired as the app wires them, without the web host.</summary>
public static class DomainHost
{
    public static ServiceProvider Build(DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:TicketHub"] = connectionString,
            ["Demo:Seed"] = "false",
            // The seed writes through the services; nothing reads through the cache in this process.
            ["Cache:Enabled"] = "false",
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(b => b.AddProvider(new ConsoleLogProvider()).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        services.AddTicketHubDomain(config, dataDirectory);
        services.AddTicketHubIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static DatabaseProvider ParseProvider(string value) =>
        Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new UsageException($"--provider must be Sqlite or Postgres, not '{value}'.");
}

/// <summary>One line per message on stderr; the tool needs no more than this and no logging package for it.</summary>
internal sealed class ConsoleLogProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose() { }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Console.Error.WriteLine($"  [{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
