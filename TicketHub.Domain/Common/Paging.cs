using System.ComponentModel;

namespace TicketHub.Domain.Common;

/// <summary>Page numbers start at 1; the page size defaults to 50 and is capped at 200 (docs/api.md).</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static Result<PageRequest> Create(int? page, int? pageSize)
    {
        var v = new Validator()
            .Check(page is null or >= 1, "page", "page starts at 1.")
            .Check(page is null or <= 1_000_000, "page", "page is too large.")
            .Check(pageSize is null or (>= 1 and <= MaxSize), "page-size", $"page-size must be between 1 and {MaxSize}.");
        if (v.ToError() is { } error) return error;
        return new PageRequest(page ?? 1, pageSize ?? DefaultSize);
    }
}

[ImmutableObject(true)]
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount)
{
    public static Page<T> Empty { get; } = new([], 0);
}

/// <summary>A page whose items are already UTF-8 JSON (a JSON array), with the total of the whole search.</summary>
[ImmutableObject(true)]
public sealed record JsonPage(byte[] Utf8Json, int TotalCount);
