using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class JwtForgeryOnSqlite() : JwtForgeryTests(DatabaseProvider.Sqlite);
public sealed class JwtForgeryOnPostgres() : JwtForgeryTests(DatabaseProvider.Postgres);

/// <summary>
/// Tokens built by hand from a real account's valid token, each with one thing wrong, must all be 401. The control
/// (the same builder, nothing changed) is accepted, so a refusal is about the change, not the builder.
/// </summary>
public abstract class JwtForgeryTests(DatabaseProvider provider) : ApiTest(provider)
{
    public static TheoryData<string> Forgeries() =>
    [
        "alg none, no signature",
        "alg none, original signature",
        "alg HS512 with the right key",
        "alg RS256 signed with another RSA key",
        "alg RS256 with the HMAC key used as a public key",
        "signed with a wrong key",
        "payload edited: role",
        "payload edited: subject",
        "expired",
        "not yet valid",
        "no exp",
        "wrong issuer",
        "wrong audience",
        "truncated signature",
        "no signature part",
        "garbage",
    ];

    [Fact]
    public async Task The_control_token_built_the_same_way_is_accepted()
    {
        var (token, _) = await RealTokenAsync();

        var response = await App.CreateClientWithToken(token).GetAsync("/api/tickets/view-tickets", Ct);

        await response.EnsureOkAsync();
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_401(string forgery)
    {
        var (_, claims) = await RealTokenAsync();
        var victim = await SignUpAndLoginAsync("victim1", "vendor");   // an account a forger would like to become
        var victimId = ((JsonObject)JsonNode.Parse(Base64UrlDecode(victim.Split('.')[1]))!)["sub"]!.GetValue<string>();
        var key = App.Services.GetRequiredService<SymmetricSecurityKey>().Key;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var token = forgery switch
        {
            "alg none, no signature" => Unsigned(Header("none"), claims) + ".",
            "alg none, original signature" => Unsigned(Header("none"), claims) + "." + Sign("HS256", key, Header("HS256"), claims).Split('.')[2],
            "alg HS512 with the right key" => Sign("HS512", key, Header("HS512"), claims),
            "alg RS256 signed with another RSA key" => SignRsa(Header("RS256"), claims),
            "alg RS256 with the HMAC key used as a public key" => Sign("HS256", key, Header("RS256"), claims),
            "signed with a wrong key" => Sign("HS256", RandomNumberGenerator.GetBytes(32), Header("HS256"), claims),
            "payload edited: role" => Edit(Sign("HS256", key, Header("HS256"), claims), With(claims, "role", Roles.Vendor)),
            "payload edited: subject" => Edit(Sign("HS256", key, Header("HS256"), claims), With(claims, "sub", victimId)),
            "expired" => Sign("HS256", key, Header("HS256"), With(With(claims, "exp", now - 120), "nbf", now - 3600)),
            "not yet valid" => Sign("HS256", key, Header("HS256"), With(With(claims, "nbf", now + 3600), "exp", now + 7200)),
            "no exp" => Sign("HS256", key, Header("HS256"), Without(claims, "exp")),
            "wrong issuer" => Sign("HS256", key, Header("HS256"), With(claims, "iss", "Someone.Else")),
            "wrong audience" => Sign("HS256", key, Header("HS256"), With(claims, "aud", "Another.Api")),
            "truncated signature" => Sign("HS256", key, Header("HS256"), claims)[..^6],
            "no signature part" => Unsigned(Header("HS256"), claims),
            "garbage" => "not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };

        var response = await App.CreateClientWithToken(token).GetAsync("/api/tickets/view-tickets", Ct);

        Assert.Equal("unauthorized", (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    public async Task A_token_for_an_account_that_does_not_exist_is_401()
    {
        var (_, claims) = await RealTokenAsync();
        var key = App.Services.GetRequiredService<SymmetricSecurityKey>().Key;

        var token = Sign("HS256", key, Header("HS256"), With(claims, "sub", "nosuchuser0001"));

        await (await App.CreateClientWithToken(token).GetAsync("/api/tickets/view-tickets", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    // The claims of a real login token, re-signed by the builder below: the control proves the builder itself is sound.
    private async Task<(string Token, JsonObject Claims)> RealTokenAsync()
    {
        var issued = await SignUpAndLoginAsync("forger1", "individual");
        var claims = (JsonObject)JsonNode.Parse(Base64UrlDecode(issued.Split('.')[1]))!;
        var key = App.Services.GetRequiredService<SymmetricSecurityKey>().Key;
        return (Sign("HS256", key, Header("HS256"), claims), claims);
    }

    private static JsonObject Header(string alg) => new() { ["alg"] = alg, ["typ"] = "JWT" };

    private static JsonObject With(JsonObject claims, string name, JsonNode value)
    {
        var copy = (JsonObject)claims.DeepClone();
        copy[name] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject claims, string name)
    {
        var copy = (JsonObject)claims.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static string Unsigned(JsonObject header, JsonObject claims) =>
        $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";

    private static string Sign(string alg, byte[] key, JsonObject header, JsonObject claims)
    {
        var unsigned = Unsigned(header, claims);
        var data = Encoding.ASCII.GetBytes(unsigned);
        var signature = alg == "HS512" ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private static string SignRsa(JsonObject header, JsonObject claims)
    {
        using var rsa = RSA.Create(2048);
        var unsigned = Unsigned(header, claims);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{unsigned}.{Base64Url(signature)}";
    }

    // The payload swapped, the signature of the original kept.
    private static string Edit(string token, JsonObject claims)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
