using QRCoder;

namespace TicketHub.Web.Components.Pages.Tickets;

/// <summary>
/// Draws a ticket code as a QR code in an SVG image, handed to the page as a data: address. An image, not inline
/// markup or a canvas script, so the strict Content-Security-Policy (img-src 'self' data:) needs no exception, and an
/// SVG stays sharp at any print size.
/// </summary>
public static class TicketQrImage
{
    /// <summary>
    /// Medium error correction (15 %): a phone screen with a crack or a crumpled printout still scans, and a code of
    /// about 150 characters stays a QR code of version 8 or 9 (49 or 53 modules a side), which door scanners read easily.
    /// </summary>
    public static string DataUri(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        // Black on white whatever the theme: scanners expect dark modules on a light ground, with its quiet zone.
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
