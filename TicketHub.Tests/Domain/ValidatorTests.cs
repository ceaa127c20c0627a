using TicketHub.Domain.Common;

namespace TicketHub.Tests.Domain;

/// <summary>The field checks every command runs: what each one refuses, with which message, under which field.</summary>
public sealed class ValidatorTests
{
    [Fact]
    public void A_validator_with_no_failed_check_has_no_error()
    {
        var v = new Validator().Required("name", "Ada", 5).MaxLength("note", null, 3).Check(true, "count", "never");

        Assert.True(v.IsValid);
        Assert.Null(v.ToError());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t")]
    public void A_required_field_that_is_missing_or_blank_is_refused(string? value) =>
        Assert.Equal(["name is required."], Fields(new Validator().Required("name", value, 10))["name"]);

    [Fact]
    public void Length_is_counted_without_the_surrounding_whitespace()
    {
        Assert.True(new Validator().Required("name", "  abcde  ", 5).IsValid);
        Assert.True(new Validator().MaxLength("name", " abcde ", 5).IsValid);
        Assert.Equal(["name must be at most 5 characters."], Fields(new Validator().Required("name", "abcdef", 5))["name"]);
        Assert.Equal(["name must be at most 5 characters."], Fields(new Validator().MaxLength("name", "abcdef", 5))["name"]);
    }

    [Fact]
    public void Control_characters_are_refused_in_optional_and_required_fields()
    {
        Assert.Equal(["seat must not contain control characters."], Fields(new Validator().MaxLength("seat", "A\u0007", 5))["seat"]);
        Assert.Equal(["seat must not contain control characters."], Fields(new Validator().Required("seat", "A\u0000", 5))["seat"]);
    }

    [Fact]
    public void An_absent_optional_field_is_valid() => Assert.True(new Validator().MaxLength("section", null, 1).IsValid);

    [Fact]
    public void A_failed_check_adds_its_message_and_a_passed_one_adds_nothing()
    {
        var v = new Validator().Check(false, "count", "count must be 1 or more.").Check(true, "price", "never shown");

        Assert.Equal(["count"], Fields(v).Keys);
        Assert.Equal(["count must be 1 or more."], Fields(v)["count"]);
    }

    [Fact]
    public void Every_failure_is_reported_under_its_field_in_order_as_one_validation_error()
    {
        var error = new Validator()
            .Required("a", null, 1)
            .Check(false, "b", "first")
            .Add("b", "second")
            .ToError();

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("One or more fields are invalid.", error.Message);
        Assert.Equal(["a is required."], error.Fields!["a"]);
        Assert.Equal(["first", "second"], error.Fields["b"]);
    }

    [Fact]
    public void Field_names_are_case_sensitive() =>
        Assert.Equal(2, Fields(new Validator().Add("eventId", "x").Add("eventid", "y")).Count);

    private static IReadOnlyDictionary<string, string[]> Fields(Validator v) => v.ToError()?.Fields ?? new Dictionary<string, string[]>();
}
