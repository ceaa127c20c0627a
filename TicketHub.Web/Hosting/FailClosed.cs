namespace TicketHub.Web.Hosting;

/// <summary>
/// Settings that are right for a laptop and wrong on the internet. Outside Development each one stops the app from
/// starting unless its <c>Unsafe:*</c> acknowledgement is set, so a deployment that forgot a setting fails instead of
/// taking no money, publishing demo accounts, or minting tokens only this node can check.
/// </summary>
public static class FailClosed
{
    public const string Section = "Unsafe";

    public sealed record Refusal(string Setting, string Message);

    public static IReadOnlyList<Refusal> Check(IConfiguration config, IHostEnvironment env)
    {
        if (env.IsDevelopment()) return [];
        var refusals = new List<Refusal>();

        var payments = config["Payments:Provider"] ?? "Test";
        if (payments.Equals("Test", StringComparison.OrdinalIgnoreCase) && !Acknowledged(config, "AllowTestPayments"))
            refusals.Add(new("Payments:Provider",
                "Payments:Provider is Test: the built-in test gateway moves no money. Set Payments:Provider=Stripe and Stripe:SecretKey, " +
                "or Unsafe:AllowTestPayments=true for a load test or a staging copy."));

        if (config.GetValue("Demo:Seed", false) && !Acknowledged(config, "AllowDemoData"))
            refusals.Add(new("Demo:Seed",
                "Demo:Seed is true: it creates demo accounts whose password is published in the README. Set Demo:Seed=false, " +
                "or Unsafe:AllowDemoData=true for a throwaway demo."));

        if (string.IsNullOrWhiteSpace(config["Jwt:SigningKey"]) && !Acknowledged(config, "AllowGeneratedJwtKey"))
            refusals.Add(new("Jwt:SigningKey",
                "Jwt:SigningKey is not set: a key generated on this node is unknown to every other node and lost with its disk. " +
                "Set Jwt:SigningKey (base64, at least 32 bytes), or Unsafe:AllowGeneratedJwtKey=true for a single throwaway node."));

        if (string.IsNullOrWhiteSpace(config["Tickets:SigningKey"]) && !Acknowledged(config, "AllowGeneratedTicketKey"))
            refusals.Add(new("Tickets:SigningKey",
                "Tickets:SigningKey is not set: ticket codes signed with a key generated on this node fail at every other node and every door " +
                "scanner that has the published key. Set Tickets:SigningKey (base64 of a 32-byte Ed25519 private key), " +
                "or Unsafe:AllowGeneratedTicketKey=true for a single throwaway node."));

        if (config.GetValue("Bench:Enabled", false) && !Acknowledged(config, "AllowBenchEndpoints"))
            refusals.Add(new("Bench:Enabled",
                "Bench:Enabled is true: it maps the anonymous /bench endpoints. Set Bench:Enabled=false, " +
                "or Unsafe:AllowBenchEndpoints=true on a benchmark machine."));

        return refusals;
    }

    private static bool Acknowledged(IConfiguration config, string name) => config.GetValue($"{Section}:{name}", false);
}
