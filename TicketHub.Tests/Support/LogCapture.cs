using Microsoft.Extensions.Logging;

namespace TicketHub.Tests.Support;

/// <summary>Keeps every message the services log, formatted, for specs about what an operator is told.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get { lock (_messages) return _messages.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (capture._messages) capture._messages.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
