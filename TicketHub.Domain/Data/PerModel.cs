using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TicketHub.Domain.Data;

/// <summary>
/// A set of compiled queries for each EF model. EF runs a compiled query only with the model it was compiled against,
/// so a process that holds both providers' models (the test suite) compiles each query once for each.
/// </summary>
internal static class PerModel<TQueries> where TQueries : class, new()
{
    private static readonly ConditionalWeakTable<IModel, TQueries> ByModel = [];

    public static TQueries For(TicketHubDbContext db) => ByModel.GetValue(db.Model, _ => new TQueries());
}
