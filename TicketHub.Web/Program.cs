using Microsoft.AspNetCore.DataProtection;
using TicketHub.Domain;
using TicketHub.Domain.Data;
using TicketHub.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings(builder.Environment);
if (FailClosed.Check(builder.Configuration, builder.Environment) is { Count: > 0 } refusals)
{
    using (var logs = LoggerFactory.Create(l => l.AddConsole()))
    {
        var log = logs.CreateLogger(typeof(FailClosed).FullName!);
        foreach (var refusal in refusals)
            log.LogCritical("Refusing to start in {Environment}: {Reason}", builder.Environment.EnvironmentName, refusal.Message);
    }
    return 1;
}
var dataDirectory = AppPaths.DataDirectory(builder.Configuration, builder.Environment);

builder.UseSelfSignedCertificateWhenNoneConfigured(dataDirectory);
builder.UseKestrelSettingsFromConfiguration();
builder.Services.AddTicketHubDomain(builder.Configuration, dataDirectory);
builder.Services.AddTicketHubAuth(builder.Configuration, builder.Environment, dataDirectory);
builder.Services.AddTicketHubWeb(builder.Configuration, builder.Environment);
// One key ring in the database for every node: a cookie or antiforgery token made by one node is read by all.
builder.Services.AddDataProtection().SetApplicationName("TicketHub").PersistKeysToDbContext<TicketHubDbContext>();
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHostedService<PendingOrderReconciler>();
builder.Services.AddHostedService<WaitingRoomTicker>();

var app = builder.Build();
app.UseTicketHubPipeline();
app.Run();
return 0;

public partial class Program;
