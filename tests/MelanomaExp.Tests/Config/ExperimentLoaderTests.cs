using MelanomaExp.Config;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Config;

public class ExperimentLoaderTests
{
    private const string Valid = """
        name: base
        seed: 123
        device: cpu
        data:
          root: data/isic
          train: Train
          image_size: [180, 180]
          validation_split: 0.2
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 20, batch_size: 32, optimizer: adam, learning_rate: 0.001 }
        report: { dir: reports/base }
        """;

    private static ConfigException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "exp.yaml", overrides));

    [Fact]
    public void Parses_the_contract_example()
    {
        var e = ExperimentLoader.Parse(Valid, "exp.yaml");
        Assert.Equal("base", e.Name);
        Assert.Equal(123, e.Seed);
        Assert.Equal(DeviceChoice.Cpu, e.Device);
        Assert.Equal((180, 180), (e.Data.ImageHeight, e.Data.ImageWidth));
        Assert.True(e.Data.Stratify);
        var step = Assert.Single(e.Steps);
        Assert.Equal(new TrainSpec(20, 32, "adam", 0.001), step.Train);
        Assert.Equal("reports/base", e.Report.Dir);
        Assert.Matches("^[0-9a-f]{16}$", e.Hash);
    }

    [Fact]
    public void Hash_ignores_formatting_and_data_root_but_not_settings()
    {
        var a = ExperimentLoader.Parse(Valid, "a.yaml");
        var reformatted = ExperimentLoader.Parse(Valid.Replace("root: data/isic", "root: /elsewhere", StringComparison.Ordinal) + "\n# comment\n", "b.yaml");
        var changed = ExperimentLoader.Parse(Valid, "a.yaml", ["steps.base.train.epochs=2"]);
        Assert.Equal(a.Hash, reformatted.Hash);
        Assert.NotEqual(a.Hash, changed.Hash);
    }

    [Fact]
    public void Unknown_key_names_file_line_and_path()
    {
        var e = Fails(Valid.Replace("    train: { epochs", "    trian: 3\n    train: { epochs", StringComparison.Ordinal));
        Assert.Equal("exp.yaml", e.File);
        Assert.Equal(12, e.Line);
        Assert.Equal("steps[0].trian", e.Key);
        Assert.StartsWith("exp.yaml:12: steps[0].trian: unknown key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_is_an_error_at_its_line()
    {
        var e = Fails(Valid.Replace("epochs: 20", "epochs: twenty", StringComparison.Ordinal));
        Assert.Equal("steps[0].train.epochs", e.Key);
        Assert.Equal(12, e.Line);
        Assert.Contains("whole number", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_key_is_named()
    {
        var e = Fails(Valid.Replace("seed: 123\n", "", StringComparison.Ordinal));
        Assert.Equal("seed", e.Key);
        Assert.Contains("required", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validation_split: 0.2", "validation_split: 1.5", "data.validation_split")]
    [InlineData("epochs: 20", "epochs: -3", "steps[0].train.epochs")]
    [InlineData("learning_rate: 0.001", "learning_rate: 0", "steps[0].train.learning_rate")]
    [InlineData("image_size: [180, 180]", "image_size: [180]", "data.image_size")]
    [InlineData("arch: seed-cnn", "arch: resnet", "steps[0].model.arch")]
    [InlineData("device: cpu", "device: tpu", "device")]
    [InlineData("optimizer: adam", "optimizer: lbfgs", "steps[0].train.optimizer")]
    [InlineData("optimizer: adam", "optimizer: adam, precision: fp8", "steps[0].train.precision")]
    public void Impossible_values_are_rejected(string from, string to, string key)
    {
        var e = Fails(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(key, e.Key);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Precision_defaults_to_fp32_and_only_a_reduced_one_changes_the_hash_and_step_json()
    {
        var plain = ExperimentLoader.Parse(Valid, "a.yaml");
        var explicitFp32 = ExperimentLoader.Parse(Valid, "a.yaml", ["steps.base.train.precision=fp32"]);
        var bf16 = ExperimentLoader.Parse(Valid, "a.yaml", ["steps.base.train.precision=bf16"]);
        Assert.Equal("fp32", plain.Steps[0].Train.Precision);
        Assert.Equal("bf16", bf16.Steps[0].Train.Precision);
        Assert.Equal(plain.Hash, explicitFp32.Hash);
        Assert.NotEqual(plain.Hash, bf16.Hash);
        Assert.DoesNotContain("recision", System.Text.Json.JsonSerializer.Serialize(plain.Steps[0]), StringComparison.Ordinal);
        Assert.Contains("\"ReducedPrecision\":\"bf16\"", System.Text.Json.JsonSerializer.Serialize(bf16.Steps[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_step_names_are_rejected()
    {
        var twice = Valid.Replace("report:", "  - name: base\n    model: { arch: seed-cnn }\n    train: { epochs: 1 }\nreport:", StringComparison.Ordinal);
        Assert.Contains("used twice", Fails(twice).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_over_64_characters_is_refused_for_its_length_not_its_letters()
    {
        var name = new string('a', 65);
        var e = Fails(Valid.Replace("name: base\nseed", $"name: {name}\nseed", StringComparison.Ordinal));
        Assert.Equal(("name", 1), (e.Key, e.Line));
        Assert.EndsWith("' is too long: at most 64 characters, it has 65 (it names files and folders)", e.Problem, StringComparison.Ordinal);
        Assert.Equal(name[..64], ExperimentLoader.Parse(Valid.Replace("name: base\nseed", $"name: {name[..64]}\nseed", StringComparison.Ordinal), "exp.yaml").Name);
        Assert.Contains("must be letters, digits, '-' or '_'", Fails(Valid.Replace("name: base\nseed", "name: a b\nseed", StringComparison.Ordinal)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_reports_a_line()
    {
        var e = Fails("name: x\nseed: [1, 2\n");
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Set_overrides_steps_by_name_or_index_and_parses_yaml_values()
    {
        var e = ExperimentLoader.Parse(Valid, "exp.yaml", ["steps.base.train.epochs=2", "steps.0.train.batch_size=8", "data.image_size=[64, 48]", "seed=7"]);
        Assert.Equal(2, e.Steps[0].Train.Epochs);
        Assert.Equal(8, e.Steps[0].Train.BatchSize);
        Assert.Equal((64, 48), (e.Data.ImageHeight, e.Data.ImageWidth));
        Assert.Equal(7, e.Seed);
        Assert.Contains("epochs: 2", e.ResolvedYaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps.nope.train.epochs=2", "steps.nope.train.epochs")]
    [InlineData("no-equals-sign", "no-equals-sign")]
    public void Bad_set_paths_are_errors(string assignment, string key)
    {
        var e = Fails(Valid, assignment);
        Assert.Equal($"--set {assignment}", e.File);
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void Set_with_a_misspelt_key_is_caught_as_unknown()
    {
        var e = Fails(Valid, "steps.base.train.epoch=2");
        Assert.Equal("steps[0].train.epoch", e.Key);
        Assert.Equal("--set steps.base.train.epoch=2", e.File);
        Assert.StartsWith("--set steps.base.train.epoch=2: steps[0].train.epoch: unknown key; did you mean 'epochs'?", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("base.yaml")]
    [InlineData("smoke.yaml")]
    [InlineData("augmented.yaml")]
    [InlineData("rebalanced.yaml")]
    public void Shipped_experiments_are_valid(string file)
    {
        var e = ExperimentLoader.Load(RepoPaths.Experiment(file));
        Assert.NotEmpty(e.Steps);
    }

    [Fact]
    public void Missing_file_is_bad_input()
    {
        var e = Assert.Throws<BadInputException>(() => ExperimentLoader.Load("/nonexistent/x.yaml"));
        Assert.Contains("/nonexistent/x.yaml", e.Message, StringComparison.Ordinal);
    }

    private const string Augmented = """
        name: aug
        seed: 1
        data: { train: Train }
        steps:
          - name: rebalanced
            model: { arch: seed-cnn, dropout: 0.25, batch_norm: true }
            augment: { flip: horizontal_and_vertical, rotation: 0.2, zoom: 0.2 }
            rebalance:
              samples_per_class: 500
              pipeline:
                - rotate: { probability: 0.7, max_left: 10, max_right: 10 }
                - flip_left_right: { probability: 0.5 }
            train: { epochs: 1 }
        """;

    [Fact]
    public void Parses_augmentation_and_rebalancing()
    {
        var step = ExperimentLoader.Parse(Augmented, "a.yaml").Steps[0];
        Assert.Equal(new AugmentSpec(FlipMode.HorizontalAndVertical, 0.2, 0.2, 0, 0, 0, FillMode.Reflect), step.Augment);
        Assert.True(step.Model.BatchNorm);
        Assert.Equal(RebalanceScope.TrainSplit, step.Rebalance!.Scope);
        Assert.Equal(500, step.Rebalance.ToGenerate(10));
        Assert.Equal(["rotate", "flip_left_right"], step.Rebalance.Pipeline.Select(o => o.Op));
        Assert.Equal(10, step.Rebalance.Pipeline[0].Parameters["max_left"]);
        Assert.Equal(0.7, step.Rebalance.Pipeline[0].Probability);
    }

    [Theory]
    [InlineData("- flip_left_right: { probability: 0.5 }", "- twirl: { probability: 0.5 }", "steps[0].rebalance.pipeline[1]", "unknown operation 'twirl'")]
    [InlineData("max_right: 10 }", "max_right: 40 }", "steps[0].rebalance.pipeline[0].rotate.max_right", "between 0 and 25")]
    [InlineData("max_left: 10, ", "", "steps[0].rebalance.pipeline[0].rotate.max_left", "required")]
    [InlineData("rotation: 0.2", "rotation: 2", "steps[0].augment.rotation", "between 0 and 1")]
    [InlineData("flip: horizontal_and_vertical", "flip: sideways", "steps[0].augment.flip", "expected horizontal")]
    [InlineData("samples_per_class: 500", "samples_per_class: 500\n      target_per_class: 600", "steps[0].rebalance.samples_per_class", "exactly one")]
    public void Bad_augmentation_settings_are_located(string from, string to, string key, string problem)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Augmented.Replace(from, to.Replace("\\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal), "a.yaml"));
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Theory]
    [InlineData("final.yaml")]
    [InlineData("smoke-final.yaml")]
    [InlineData("final-seed-protocol.yaml")]
    public void Shipped_study_experiments_are_valid(string file)
    {
        Assert.Equal(3, ExperimentLoader.Load(RepoPaths.Experiment(file)).Steps.Count);
    }

    [Fact]
    public void Keras_split_adam_keras_and_augmentor_output_are_read_and_change_the_hash()
    {
        var plain = ExperimentLoader.Parse(Valid, "exp.yaml");
        var keras = ExperimentLoader.Parse(Valid, "exp.yaml", ["data.split=keras", "data.stratify=false", "steps.base.train.optimizer=adam-keras"]);
        Assert.Equal(SplitMethod.Seeded, plain.Data.Split);
        Assert.Equal(SplitMethod.Keras, keras.Data.Split);
        Assert.Equal("adam-keras", keras.Steps[0].Train.Optimizer);
        Assert.NotEqual(plain.Hash, keras.Hash);
        Assert.DoesNotContain("\n  split:", plain.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Keras_split_refuses_stratify_and_group_leakage()
    {
        Assert.Contains("never stratified", Fails(Valid, "data.split=keras", "data.stratify=true").Message, StringComparison.Ordinal);
        Assert.Contains("leakage: group", Fails(Valid, "data.split=keras", "data.audit={leakage: group}").Message, StringComparison.Ordinal);
        Assert.Contains("keras", Fails(Valid, "data.split=numpy").Message, StringComparison.Ordinal);
        Assert.Contains("adam-keras", Fails(Valid, "steps.base.train.optimizer=adamw").Message, StringComparison.Ordinal);
    }
}
