[assembly: AssemblyFixture(typeof(TicketHub.Tests.Support.ConformanceSummary))]

namespace TicketHub.Tests.Support;

/// <summary>
/// At the end of a run, writes the whole suite's conformance tally to TICKETHUB_CONFORMANCE_REPORT when it is set:
/// how many exchanges were held against the document and how many departed from it.
/// </summary>
public sealed class ConformanceSummary : IDisposable
{
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("TICKETHUB_CONFORMANCE_REPORT") is not { Length: > 0 } file) return;
        var (requests, responses, rejected, violations) = ConformanceLog.Totals;
        File.AppendAllText(file,
            $"TOTAL requests={requests} responses={responses} invalid-requests-rejected={rejected} violations={violations}{Environment.NewLine}");
    }
}
