using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketHub.Web.Hosting;

/// <summary>
/// A fresh machine has no ASP.NET development certificate, so the embedded default makes its own self-signed
/// localhost certificate in the data folder on first start and reuses it until it nears expiry.
/// Production configures <c>Kestrel:Certificates:Default</c> (or terminates TLS at a proxy) instead.
/// </summary>
public static class HttpsCertificate
{
    public static void UseSelfSignedCertificateWhenNoneConfigured(this WebApplicationBuilder builder, string dataDirectory)
    {
        if (builder.Configuration.GetSection("Kestrel:Certificates:Default").Exists()) return;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate ??= LoadOrCreate(Path.Combine(dataDirectory, "localhost.pfx"))));
    }

    internal static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter > DateTime.Now.AddDays(30)) return existing;
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = created.Export(X509ContentType.Pfx);
        SecretFile.Write(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }
}
