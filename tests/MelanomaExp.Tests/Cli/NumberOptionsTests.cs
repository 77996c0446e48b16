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

    [Theory]
    [InlineData("predict", "--top", "0", "of at least 1")]
    [InlineData("predict", "--top", "-5", "of at least 1")]
    [InlineData("predict", "--top", "three", "of at least 1")]
    [InlineData("run", "--seeds", "99999999999", "from 2 to 1000")]
    [InlineData("run", "--seeds", "1", "from 2 to 1000")]
    [InlineData("evaluate", "--bootstrap", "100001", "from 0 to 100000")]
    [InlineData("sweep", "--jobs", "0", "of at least 1")]
    [InlineData("audit", "--threshold", "65", "from 0 to 64")]
    [InlineData("bench", "--epochs", "101", "from 1 to 100")]
    public void A_whole_number_option_out_of_range_names_the_option_and_the_range(string command, string option, string value, string range)
    {
        string[] rest = command switch
        {
            "predict" => ["--model", "/nonexistent", "a.jpg"],
            "evaluate" => ["--model", "/nonexistent", "--data", "/nonexistent"],
            "bench" => [],
            _ => ["/nonexistent.yaml"],
        };
        var (code, _, err) = RunCli([command, option, value, .. rest]);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {option}: must be a whole number {range}, got '{value}'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_option_left_out_keeps_its_default()
    {
        // --top left out is 3, not 0: the model check is reached, so parsing passed.
        var (code, _, err) = RunCli("predict", "--model", "/nonexistent", "a.jpg");
        Assert.Equal(2, code);
        Assert.StartsWith("error: /nonexistent: not a model folder", err, StringComparison.Ordinal);
    }
}
