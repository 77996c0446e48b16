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
}
