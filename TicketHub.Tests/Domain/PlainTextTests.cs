using TicketHub.Domain.Common;

namespace TicketHub.Tests.Domain;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Riverside Arena")]
    [InlineData("Two lines\r\nand a\ttab")]
    [InlineData("Sigur Rós 🎸 𝄞")]
    public void Text_people_type_is_plain(string text) => Assert.True(PlainText.IsPlain(text));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u0007")]
    [InlineData("esc\u001b[2J")]
    [InlineData("del\u007f")]
    [InlineData("next line\u0085")]
    public void Control_characters_are_not(string text) => Assert.False(PlainText.IsPlain(text));

    [Fact]
    public void Surrogate_halves_are_not()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would turn a half into U+FFFD.
        Assert.False(PlainText.IsPlain("half " + (char)0xD83C));
        Assert.False(PlainText.IsPlain((char)0xDFFF + " reversed " + (char)0xD83C));
    }

    [Fact]
    public void Cleaning_replaces_what_is_not_plain_and_keeps_the_rest()
    {
        Assert.Equal("a\uFFFDb 🎸\n", PlainText.Clean("a\u0000b 🎸\n", 64));
        Assert.Equal("abc", PlainText.Clean("abc", 64));
        Assert.Null(PlainText.Clean(null, 64));
    }

    [Fact]
    public void A_cut_through_a_surrogate_pair_leaves_no_half_of_it()
    {
        var cleaned = PlainText.Clean("a🎸🎸", 4)!;   // "a", a pair, then the high half of the second pair

        Assert.Equal("a🎸\uFFFD", cleaned);
        Assert.True(PlainText.IsPlain(cleaned));
    }
}
