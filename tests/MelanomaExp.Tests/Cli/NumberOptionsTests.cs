using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Cli;

public class NumberOptionsTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("2")]
    [InlineData("-0.5")]
    [InlineData("half")]
    public void A_probability_option_refuses_anything_but_a_number_from_0_to_1(string value)
    {
        // The model need not exist: the option is refused while parsing, before anything is read.
        var (code, _, err) = RunCli("predict", "--model", "/nonexistent", "--threshold", value, "a.jpg");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --threshold: must be a number from 0 to 1, got '{value}'", err, StringComparison.Ordinal);
    }
}
