using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Tests.Models;

/// <summary>
/// A new architecture is one class and one registration: this file is the whole of one (a tiny perceptron with its own
/// <c>model.hidden</c> key), and the loader, the schema, the step key, the runner and the report take it as they take
/// the built-in ones.
/// </summary>
public class ArchitecturePluginTests
{
    /// <summary>Flatten, one hidden layer of <c>model.hidden</c> units, the classifier. fp32 only, no Grad-CAM.</summary>
    private sealed class TinyPerceptron : IArchitecture
    {
        public string Name => "tiny-perceptron";

        public static int Hidden(ModelSpec spec) => (int)spec.Options!["hidden"];

        public ModelSpec Bind(YamlSection model, ModelSpec common) =>
            common with { Options = new SortedDictionary<string, object> { ["hidden"] = model.Int("hidden", 8, 1, 1024) } };

        public IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) => [new("hidden", Hidden(spec))];

        public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale) =>
            Sequential(("flatten", Flatten()), ("hidden", Linear(3 * height * width, Hidden(spec))), ("relu", ReLU()), ("classifier", Linear(Hidden(spec), classes)));
    }

    private const string Yaml = """
        name: plugin
        seed: 5
        device: cpu
        data: { train: Train, image_size: [16, 16], validation_split: 0.25 }
        steps:
          - name: only
            model: { arch: tiny-perceptron, hidden: 6 }
            train: { epochs: 1, batch_size: 8 }
        evaluation: { bootstrap: 20 }
        """;

    [Fact]
    public void A_registered_architecture_is_loaded_built_trained_and_reported_like_the_built_in_ones()
    {
        using var registration = ArchitectureCatalog.Add(new TinyPerceptron());
        var experiment = ExperimentLoader.Parse(Yaml, "plugin.yaml");
        Assert.Equal("tiny-perceptron", experiment.Steps[0].Model.Arch);
        Assert.Equal(6, TinyPerceptron.Hidden(experiment.Steps[0].Model));
        Assert.Contains("hidden: 6", experiment.ResolvedYaml, StringComparison.Ordinal);
        // A changed setting of the architecture's own is a changed experiment (and step key).
        Assert.NotEqual(experiment.Hash, ExperimentLoader.Parse(Yaml, "plugin.yaml", ["steps.only.model.hidden=7"]).Hash);

        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 16);
        var run = ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });
        Assert.Single(run.Steps[0].Epochs);
        Assert.Empty(run.Steps[0].GradCams);
        Assert.Contains("tiny-perceptron", File.ReadAllText(dir.Combine("out", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_architecture_does_not_support_is_refused_when_the_file_loads_naming_the_key()
    {
        using var registration = ArchitectureCatalog.Add(new TinyPerceptron());
        var bf16 = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml, "plugin.yaml", ["steps.only.train.precision=bf16"]));
        Assert.Contains("train.precision", bf16.Message, StringComparison.Ordinal);
        Assert.Contains("not implemented for tiny-perceptron", bf16.Message, StringComparison.Ordinal);
        // Its own key belongs to it alone: the seed CNN does not take it.
        var foreign = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml.Replace("arch: tiny-perceptron", "arch: seed-cnn", StringComparison.Ordinal), "plugin.yaml"));
        Assert.Contains("hidden", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_architecture_is_unknown_and_the_message_lists_the_registered_ones()
    {
        var unknown = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml, "plugin.yaml"));
        Assert.Contains("tiny-perceptron", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("seed-cnn", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("resnet-small", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bf16_with_preprocess_is_refused_before_any_data_is_read()
    {
        var yaml = Yaml.Replace("arch: tiny-perceptron, hidden: 6", "arch: seed-cnn", StringComparison.Ordinal)
            .Replace("train: { epochs: 1, batch_size: 8 }", "preprocess: { standardize: true }\n    train: { epochs: 1, batch_size: 8, precision: bf16 }", StringComparison.Ordinal);
        var error = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "plugin.yaml"));
        Assert.Contains("train.precision", error.Message, StringComparison.Ordinal);
        Assert.Contains("preprocess", error.Message, StringComparison.Ordinal);
    }
}
