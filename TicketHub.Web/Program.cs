using Microsoft.AspNetCore.DataProtection;
using TicketHub.Domain;
using TicketHub.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings(builder.Environment);
var dataDirectory = AppPaths.DataDirectory(builder.Configuration, builder.Environment);

builder.UseSelfSignedCertificateWhenNoneConfigured(dataDirectory);
builder.Services.AddTicketHubDomain(builder.Configuration, dataDirectory);
builder.Services.AddTicketHubAuth(builder.Configuration, dataDirectory);
builder.Services.AddTicketHubWeb(builder.Configuration);
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHostedService<PendingOrderReconciler>();

var app = builder.Build();
app.UseTicketHubPipeline();
app.Run();

public partial class Program;
