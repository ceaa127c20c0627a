using TicketHub.Bench;

const string Usage = """
    TicketHub.Bench <command> [options]

      seed        --provider Sqlite|Postgres --connection <cs> --events N --venues N --cities N --performers N
                  --tickets-total N --buyers N --signing-key <base64> --out <dir> [--flash-tickets 20000] [--flash-runs 1]
      flash-sale  --url <base> --tokens <file> --lot <id> [--concurrency 200] [--json <file>]
      audit       --provider Sqlite|Postgres --connection <cs> --lot <id> [--json <file>]
      raw-sqlite  --db <path> --tickets N [--concurrency 200] [--lot <id>] [--synchronous NORMAL] [--json <file>]
      fault-seed  --connection <cs> --signing-key <base64> --out <dir> [--events 4] [--lot-tickets 5000] [--hot-tickets 2000] [--buyers 400]
      fault       --name <fault> --url <load balancer> --connection <cs> --seed <dir> [--seconds 30] [--workers 24] [--rate 150]
                  [--reads-per-buy 10] [--inject-at S --inject <cmd>] [--restore-at S --restore <cmd>] [--json <file>]
      report      --results <dir> --out <file> --mode smoke|full --runs N --duration S [--commit <sha>] [--dotnet <version>]
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

try
{
    var options = new Options(args.Skip(1));
    return args[0] switch
    {
        "seed" => await SeedCommand.RunAsync(options, cts.Token),
        "flash-sale" => await FlashSaleCommand.RunAsync(options, cts.Token),
        "audit" => await AuditCommand.RunAsync(options, cts.Token),
        "raw-sqlite" => await RawSqliteCommand.RunAsync(options, cts.Token),
        "report" => await ReportCommand.RunAsync(options, cts.Token),
        "fault-seed" => await FaultSeedCommand.RunAsync(options, cts.Token),
        "fault" => await FaultCommand.RunAsync(options, cts.Token),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
