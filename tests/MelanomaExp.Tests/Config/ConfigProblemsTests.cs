using MelanomaExp.Config;

namespace MelanomaExp.Tests.Config;

/// <summary>How the loader reports problems: all of them in one pass, located, with suggestions, cut when huge.</summary>
public class ConfigProblemsTests
{
    private const string Valid = """
        name: base
        seed: 123
        data:
          train: Train
          validation_split: 0.2
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 2 }
        """;

    private static ConfigException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "exp.yaml", overrides));

    [Fact]
    public void A_misspelt_required_key_is_named_with_a_suggestion_before_the_missing_key_error()
    {
        var e = Fails(Valid.Replace("seed: 123", "sed_typo: 123", StringComparison.Ordinal));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(["exp.yaml:2: sed_typo: unknown key; did you mean 'seed'?", "exp.yaml:1: seed: required key is missing"], lines);
        Assert.Equal("sed_typo", e.Key);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_pass_each_with_its_line()
    {
        var yaml = Valid
            .Replace("validation_split: 0.2", "validation_split: 2\n  stratfy: true", StringComparison.Ordinal)
            .Replace("epochs: 2 }", "epochs: two, optimizer: lbfgs }", StringComparison.Ordinal)
            .Replace("arch: seed-cnn }", "arch: seed-cnn, dropot: 0.5 }", StringComparison.Ordinal);
        var e = Fails(yaml);
        Assert.Equal(
        [
            "exp.yaml:6: data.stratfy: unknown key; did you mean 'stratify'?",
            "exp.yaml:9: steps[0].model.dropot: unknown key; did you mean 'dropout'?",
            "exp.yaml:5: data.validation_split: must be strictly between 0 and 1, got 2",
            "exp.yaml:10: steps[0].train.epochs: expected a whole number, got 'two'",
            "exp.yaml:10: steps[0].train.optimizer: expected adam, adam-keras or sgd, got 'lbfgs'",
        ],
            e.Message.Split(Environment.NewLine));
        Assert.Equal(5, e.Problems.Count);
    }

    [Fact]
    public void Problems_past_the_limit_are_counted_not_listed()
    {
        var extra = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"unknown_{i}: 1"));
        var e = Fails(Valid + "\n" + extra);
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(21, lines.Length);
        Assert.Equal("... and 10 more problem(s)", lines[^1]);
    }

    [Fact]
    public void A_bad_value_from_set_names_the_set_argument_not_the_file()
    {
        var e = Fails(Valid, "steps.base.train.epochs=abc");
        Assert.Equal("--set steps.base.train.epochs=abc: steps[0].train.epochs: expected a whole number, got 'abc'", e.Message);
        var nested = Fails(Valid, "data.audit={ leakage: maybe }");
        Assert.StartsWith("--set data.audit={ leakage: maybe }: data.audit.leakage: expected warn, group or fail", nested.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_values_are_cut_in_messages()
    {
        var huge = new string('x', 5000);
        var e = Fails(Valid.Replace("epochs: 2", $"epochs: {huge}", StringComparison.Ordinal));
        Assert.True(e.Message.Length < 200, e.Message);
        Assert.Contains("(5000 characters)", e.Message, StringComparison.Ordinal);
        var set = Fails(Valid, $"seed={huge}");
        Assert.True(set.Message.Length < 300, set.Message);
    }

    [Fact]
    public void A_key_far_from_every_known_key_lists_what_the_section_takes()
    {
        var e = Fails(Valid.Replace("  train: Train", "  train: Train\n  qqqqqq: 1", StringComparison.Ordinal));
        Assert.StartsWith("exp.yaml:5: data.qqqqqq: unknown key (this section takes: ", e.Message, StringComparison.Ordinal);
    }
}
