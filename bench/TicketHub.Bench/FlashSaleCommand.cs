using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TicketHub.Bench;

/// <summary>
/// A flash sale over the REST API: many workers, each a fresh buyer at a time, buy 1–4 tickets per request from one
/// lot until it is sold out. Every buyer stops before passing the per-event cap of 10 and hands over to the next token.
/// </summary>
public static class FlashSaleCommand
{
    private const int PerBuyerCap = 10;

    private enum Outcome { Bought, SoldOut, Insufficient, LimitExceeded, OtherClientError, ServerError, TransportError }

    private sealed record Sample(double Ms, int Status, Outcome Outcome, int Tickets);

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var baseUrl = new Uri(o.Text("url").TrimEnd('/') + "/");
        var tokens = new ConcurrentQueue<string>(File.ReadAllLines(o.Text("tokens")).Where(t => t.Length > 0));
        var lotId = o.Text("lot");
        var concurrency = Math.Max(1, o.Int("concurrency", 200));
        var jsonPath = o.OptionalText("json");

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency + 16,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var soldOut = CancellationTokenSource.CreateLinkedTokenSource(ct);   // only stops starting new requests
        var buyersUsed = 0;
        var tokensRanOut = false;

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + 17);
            var samples = new List<Sample>(256);
            while (!soldOut.IsCancellationRequested)
            {
                if (!tokens.TryDequeue(out var token))
                {
                    tokensRanOut = true;
                    break;
                }
                Interlocked.Increment(ref buyersUsed);
                var bought = 0;
                var count = random.Next(1, 5);
                while (!soldOut.IsCancellationRequested && bought + count <= PerBuyerCap)
                {
                    // Requests in flight when the lot sells out run to the end: each may still have bought tickets.
                    var sample = await BuyAsync(http, token, lotId, count, ct);
                    if (sample is null) break;
                    samples.Add(sample);
                    switch (sample.Outcome)
                    {
                        case Outcome.Bought:
                            bought += sample.Tickets;
                            count = random.Next(1, 5);
                            continue;
                        case Outcome.SoldOut:
                            soldOut.Cancel();
                            break;
                        case Outcome.Insufficient:
                            count = 1;   // fewer left than asked: take the last ones one at a time
                            continue;
                        default:
                            // The cap, an unexpected refusal or an error (counted; whether it bought is unknown):
                            // this buyer is done, the next token goes on.
                            bought = PerBuyerCap;
                            continue;
                    }
                }
            }
            return samples;
        }, CancellationToken.None)).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();
        var seconds = clock.Elapsed.TotalSeconds;

        var ok = all.Where(s => s.Outcome == Outcome.Bought).ToList();
        var latencies = all.Select(s => s.Ms).Order().ToArray();
        var okLatencies = ok.Select(s => s.Ms).Order().ToArray();
        var result = new
        {
            concurrency,
            seconds = Math.Round(seconds, 3),
            requests = all.Count,
            purchases = ok.Count,
            soldTickets = ok.Sum(s => s.Tickets),
            purchasesPerSecond = Math.Round(ok.Count / seconds, 1),
            ticketsPerSecond = Math.Round(ok.Sum(s => s.Tickets) / seconds, 1),
            p50Ms = Percentile(latencies, 0.50),
            p99Ms = Percentile(latencies, 0.99),
            purchaseP50Ms = Percentile(okLatencies, 0.50),
            purchaseP99Ms = Percentile(okLatencies, 0.99),
            errors5xx = all.Count(s => s.Status >= 500),
            transportErrors = all.Count(s => s.Outcome == Outcome.TransportError),
            unexpected4xx = all.Count(s => s.Outcome == Outcome.OtherClientError),
            soldOutSeen = soldOut.IsCancellationRequested && !ct.IsCancellationRequested,
            tokensRanOut,
            buyersUsed,
            statuses = all.GroupBy(s => s.Status.ToString()).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            outcomes = all.GroupBy(s => s.Outcome.ToString()).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        };

        Console.WriteLine($"flash sale: {result.purchases} purchases ({result.soldTickets} tickets) in {seconds:F2} s = " +
                          $"{result.purchasesPerSecond} purchases/s, {result.ticketsPerSecond} tickets/s; " +
                          $"{result.requests} requests, p50 {result.p50Ms} ms, p99 {result.p99Ms} ms, 5xx {result.errors5xx}, " +
                          $"buyers {buyersUsed}{(tokensRanOut ? " (tokens ran out)" : "")}");
        Console.WriteLine($"  statuses: {string.Join(", ", result.statuses.Select(kv => $"{kv.Key}={kv.Value}"))}; " +
                          $"outcomes: {string.Join(", ", result.outcomes.Select(kv => $"{kv.Key}={kv.Value}"))}");
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        if (jsonPath is not null) await File.WriteAllTextAsync(jsonPath, json, CancellationToken.None);
        // Refusals other than sold out, too few left and the cap are answers the sale should never give.
        return result.errors5xx == 0 && result.transportErrors == 0 && result.unexpected4xx == 0 && result.soldOutSeen ? 0 : 1;
    }

    private static async Task<Sample?> BuyAsync(HttpClient http, string token, string lotId, int count, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tickets/buy-ticket")
        {
            Content = JsonContent.Create(new { ticketId = lotId, count }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new Sample(ms, status, Outcome.Bought, count);
            if (status >= 500) return new Sample(ms, status, Outcome.ServerError, 0);
            var outcome = Code(body) switch
            {
                "sold_out" => Outcome.SoldOut,
                "insufficient_quantity" => Outcome.Insufficient,
                "purchase_limit_exceeded" => Outcome.LimitExceeded,
                _ => Outcome.OtherClientError,
            };
            if (outcome == Outcome.OtherClientError) Console.Error.WriteLine($"  unexpected {status}: {body}");
            return new Sample(ms, status, outcome, 0);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"  transport error: {ex.Message}");
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, Outcome.TransportError, 0);
        }
        catch (TaskCanceledException)
        {
            Console.Error.WriteLine("  request timed out");
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, Outcome.TransportError, 0);
        }
    }

    private static string? Code(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
