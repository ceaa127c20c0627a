using System.Globalization;
using TicketHub.Domain.Common;

namespace TicketHub.Tests.Domain;

/// <summary>The key a case-insensitive filter compares: the text trimmed and upper-cased the same way on every machine.</summary>
public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Berlin", "BERLIN")]
    [InlineData("  new york\t", "NEW YORK")]
    [InlineData("café", "CAFÉ")]
    [InlineData("Zürich", "ZÜRICH")]
    [InlineData("Ålesund", "ÅLESUND")]
    [InlineData("Αθήνα", "ΑΘΉΝΑ")]
    [InlineData("Москва", "МОСКВА")]
    public void A_name_keys_as_its_trimmed_upper_case(string name, string key) => Assert.Equal(key, TextKey.From(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    public void Nothing_or_only_whitespace_has_no_key(string? name) => Assert.Null(TextKey.From(name));

    [Fact]
    public void The_key_does_not_depend_on_the_machines_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");   // where "i" upper-cases to "İ"
            Assert.Equal("ISTANBUL", TextKey.From("istanbul"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Names_that_differ_only_in_case_share_a_key() =>
        Assert.Equal(TextKey.From("CAFÉ DE FLORE"), TextKey.From("café de flore"));
}
