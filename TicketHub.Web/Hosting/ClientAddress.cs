using System.Net;
using System.Net.Sockets;

namespace TicketHub.Web.Hosting;

public static class ClientAddress
{
    /// <summary>
    /// The rate-limiting partition of a client: its IPv4 address, or the /64 network of an IPv6 address (one
    /// customer usually gets a whole /64, so per-address limits would be trivial to dodge).
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
