using MelanomaExp.Config;

namespace MelanomaExp.Tests.Config;

public class YamlTextTests
{
    [Fact]
    public void Nesting_deeper_than_the_limit_is_one_config_error_not_a_stack_overflow()
    {
        // 50,000 '[' overflowed YamlDotNet's recursive node builder and killed the process (exit 134).
        var yaml = "name: x\nseed: 1\nsteps: " + new string('[', 50_000);
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "deep.yaml"));
        Assert.Equal("deep.yaml", e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains($"nested more than {YamlText.MaxDepth} levels", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\nseed: 1\ndata:\n  train: Train\n\tvalidation_split: 0.2\nsteps: []\n")]
    [InlineData("name: x\nseed: 1\ndata: {train: Train}\nsteps:\n\t- name: a\n")]
    public void A_tab_in_the_indentation_is_reported_at_its_own_line(string yaml)
    {
        // YamlDotNet reports where the enclosing scalar or mapping starts (line 4, or line 1).
        var e = Assert.Throws<ConfigException>(() => YamlText.Load(yaml, "tab.yaml"));
        Assert.Equal(5, e.Line);
        Assert.Equal("a tab in the indentation; YAML indents with spaces only", e.Problem);
    }

    [Fact]
    public void Nesting_at_the_limit_parses()
    {
        // The top-level mapping is level 1, so MaxDepth - 1 sequences reach the limit exactly.
        var depth = YamlText.MaxDepth - 1;
        var yaml = "a: " + new string('[', depth) + new string(']', depth);
        var stream = YamlText.Load(yaml, "ok.yaml");
        Assert.Single(stream.Documents);
        Assert.Throws<ConfigException>(() => YamlText.Load("a: " + new string('[', depth + 1) + new string(']', depth + 1), "deep.yaml"));
    }

    [Fact]
    public void A_deep_set_value_names_the_set_argument()
    {
        var yaml = File.ReadAllText(Fixtures.RepoPaths.Experiment("smoke.yaml"));
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "smoke.yaml", ["seed=" + new string('[', 1000)]));
        Assert.Contains("--set", e.File, StringComparison.Ordinal);
        Assert.Contains("nested more than", e.Problem, StringComparison.Ordinal);
    }
}
