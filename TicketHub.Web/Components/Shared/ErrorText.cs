using TicketHub.Domain.Common;

namespace TicketHub.Web.Components.Shared;

/// <summary>Friendly words for the domain's error codes; the domain's own message is used where it says more.</summary>
public static class ErrorText
{
    public static string For(Error error) => error.Code switch
    {
        ErrorCodes.SoldOut => "Sorry, these tickets just sold out.",
        ErrorCodes.PaymentDeclined => "Your card was declined. Nothing was charged; try another card.",
        ErrorCodes.EventInPast => "This event has already started, so tickets are no longer on sale.",
        ErrorCodes.NotFound => "That item is no longer available.",
        _ => error.Message,
    };
}
