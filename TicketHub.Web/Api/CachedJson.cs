using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace TicketHub.Web.Api;

/// <summary>
/// Browse pages come out of the catalogue cache as the same immutable instance until they change, so their JSON is
/// kept beside the instance and written as bytes: a cache hit then costs no serialisation. When the domain's entry
/// expires or is invalidated, a new instance arrives and is serialised once.
/// </summary>
public sealed class CachedJson(IOptions<JsonOptions> options)
{
    private readonly ConditionalWeakTable<object, byte[]> _json = new();

    public IResult Ok<T>(T value) where T : class =>
        TypedResults.Bytes(_json.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v, v.GetType(), options.Value.SerializerOptions)),
            "application/json; charset=utf-8");
}
