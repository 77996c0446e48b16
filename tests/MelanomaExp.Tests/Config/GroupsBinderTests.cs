using MelanomaExp.Config;

namespace MelanomaExp.Tests.Config;

public class GroupsBinderTests
{
    private const string Yaml = """
        name: g
        seed: 1
        data:
          train: Train
          groups: { pattern: 'ISIC_(\d{3})' }
          validation: { by: group, hold_out: ['000'] }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 1 }
        """;

    [Fact]
    public void Reads_groups_and_hold_out_and_writes_them_in_the_resolved_yaml()
    {
        var e = ExperimentLoader.Parse(Yaml, "g.yaml");
        Assert.Equal(@"ISIC_(\d{3})", e.Data.Groups!.Pattern);
        Assert.Equal(ValidationBy.Group, e.Data.Validation!.By);
        Assert.Equal(new[] { "000" }, e.Data.Validation.HoldOut);
        Assert.Contains("hold_out:", e.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_value_override_holds_out_that_group_as_a_sweep_would_set_it()
    {
        var e = ExperimentLoader.Parse(Yaml, "g.yaml", ["data.validation.hold_out=003"]);
        Assert.Equal(new[] { "003" }, e.Data.Validation!.HoldOut);
        var list = ExperimentLoader.Parse(Yaml, "g.yaml", ["data.validation.hold_out=['002', '003']"]);
        Assert.Equal(new[] { "002", "003" }, list.Data.Validation!.HoldOut);
        Assert.NotEqual(e.Hash, list.Hash);
    }

    [Theory]
    [InlineData("data.groups.pattern=ISIC_(", "data.groups.pattern")]
    [InlineData("data.validation.hold_out=[]", "data.validation.hold_out")]
    [InlineData("data.groups.csv=meta.csv", "data.groups.pattern")]
    public void Bad_settings_name_their_key(string set, string key)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml, "g.yaml", [set]));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_by_group_needs_groups()
    {
        var yaml = Yaml.Replace("  groups: { pattern: 'ISIC_(\\d{3})' }\n", "", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "g.yaml"));
        Assert.Contains("needs data.groups", e.Message, StringComparison.Ordinal);
    }

    private const string RandomGroups = """
        name: g
        seed: 1
        data:
          train: Train
          validation: { by: random-groups, pattern: 'ISIC_(\d{5})' }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 1 }
        """;

    [Fact]
    public void Random_groups_reads_its_own_pattern_and_needs_no_data_groups()
    {
        var e = ExperimentLoader.Parse(RandomGroups, "g.yaml");
        Assert.Null(e.Data.Groups);
        Assert.Equal(ValidationBy.RandomGroups, e.Data.Validation!.By);
        Assert.Equal(@"ISIC_(\d{5})", e.Data.Validation.Pattern);
        Assert.Contains("by: random-groups", e.ResolvedYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hold_out", e.ResolvedYaml, StringComparison.Ordinal);
        // The grouping is part of what the experiment is: a different one is a different experiment.
        Assert.NotEqual(e.Hash, ExperimentLoader.Parse(RandomGroups, "g.yaml", [@"data.validation.pattern=ISIC_(\d{4})"]).Hash);
    }

    [Theory]
    [InlineData("data.validation.pattern=ISIC_(", "not a valid regular expression")]
    [InlineData("data.validation.hold_out=000", "only with by: group")]
    [InlineData("data.validation.by=random", "only with by: random-groups")]
    [InlineData("data.validation.by=groups", "expected")]
    public void Bad_random_groups_settings_name_the_key(string set, string problem)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(RandomGroups, "g.yaml", [set]));
        Assert.Contains("data.validation.", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_groups_without_a_pattern_says_what_to_give()
    {
        var yaml = RandomGroups.Replace(", pattern: 'ISIC_(\\d{5})'", "", StringComparison.Ordinal);
        Assert.NotEqual(RandomGroups, yaml);
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "g.yaml"));
        Assert.Contains("data.validation.pattern", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs a pattern", e.Message, StringComparison.Ordinal);
    }
}
