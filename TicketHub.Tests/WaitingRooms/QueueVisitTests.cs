using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Tests.WaitingRooms;

/// <summary>How a waiting-room page reads its visitor's position from the room's pushed progress, without asking again.</summary>
public sealed class QueueVisitTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 18, 0, 0, DateTimeKind.Utc);

    private static QueueVisit Waiting(int? place) =>
        new(new QueueStatus("e1", QueueStatuses.Waiting, place is null ? null : place - 3, 10, Start, null, null), place);

    private static QueueProgress Room(bool open, int admittedThrough, bool passRequired = true) =>
        new("e1", open, Start, EarlyArrivals: 10, LastPosition: 20, admittedThrough, passRequired);

    [Fact]
    public void A_placed_visitor_moves_up_by_those_let_in_since()
    {
        Assert.Equal((false, (int?)5), Waiting(place: 12).After(Room(open: true, admittedThrough: 7)));
    }

    [Fact]
    public void Before_the_draw_the_page_waits_without_asking()
    {
        Assert.Equal((false, (int?)null), Waiting(place: null).After(Room(open: false, admittedThrough: 0)));
    }

    [Fact]
    public void The_draw_or_the_visitor_s_turn_sends_the_page_back_to_the_service()
    {
        Assert.True(Waiting(place: null).After(Room(open: true, admittedThrough: 0)).AskAgain);
        Assert.True(Waiting(place: 12).After(Room(open: true, admittedThrough: 12)).AskAgain);
    }

    [Fact]
    public void A_visitor_told_no_queue_asks_again_only_once_buying_needs_a_pass()
    {
        var free = new QueueVisit(new QueueStatus("e1", QueueStatuses.NotQueued, null, 0, null, null, null), null);
        Assert.False(free.After(Room(open: true, admittedThrough: 20, passRequired: false)).AskAgain);
        Assert.True(free.After(Room(open: true, admittedThrough: 20, passRequired: true)).AskAgain);
    }
}
