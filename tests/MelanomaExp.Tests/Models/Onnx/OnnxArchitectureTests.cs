using Google.Protobuf;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary><c>arch: onnx</c>: the file is found beside the experiment, its sha256 is in the step key, and it trains.</summary>
public class OnnxArchitectureTests
{
    private const string Yaml = """
        name: imported
        seed: 4
        device: cpu
        data: { train: Train, image_size: [24, 24], validation_split: 0.25 }
        steps:
          - name: only
            model: { arch: onnx, file: tiny.onnx, channels: bgr, dropout: 0.1 }
            train: { epochs: 1, batch_size: 8 }
        evaluation: { bootstrap: 20 }
        """;

    private static void WriteTiny(string file, int seed)
    {
        var g = new OnnxGraphWriter(seed);
        var conv = g.Node("Conv", ["image", g.Weight("conv.weight", [6, 3, 3, 3], -0.3, 0.3), g.Weight("conv.bias", [6])], Ints("pads", 1, 1, 1, 1), Ints("strides", 2, 2));
        var relu = g.Node("Relu", [conv]);
        var pooled = g.Node("GlobalAveragePool", [relu]);
        var flat = g.Node("Flatten", [pooled]);
        File.WriteAllBytes(file, g.Model("image", [1, 3, 224, 224], flat).ToByteArray());
    }

    [Fact]
    public void A_graph_beside_the_experiment_loads_with_its_sha256_in_the_step_key_and_trains()
    {
        using var dir = new TempDir();
        WriteTiny(dir.Combine("tiny.onnx"), 1);
        var path = dir.Combine("imported.yaml");
        var experiment = ExperimentLoader.Parse(Yaml, path);
        var model = experiment.Steps[0].Model;
        Assert.Equal(FileSha256.Of(dir.Combine("tiny.onnx")), model.Options!["file_sha256"]);
        Assert.Contains("file_sha256:", experiment.ResolvedYaml, StringComparison.Ordinal);
        // The resolved experiment loads again to the same experiment.
        File.WriteAllText(path, experiment.ResolvedYaml);
        Assert.Equal(experiment.Hash, ExperimentLoader.Parse(experiment.ResolvedYaml, path).Hash);

        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 24);
        var run = ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });
        Assert.Single(run.Steps[0].Epochs);
        // predict and evaluate rebuild it from the graph the card names.
        var card = Directory.EnumerateFiles(dir.Combine("out"), ModelBundle.CardFile, SearchOption.AllDirectories).First();
        Assert.Contains("RGB", File.ReadAllText(card), StringComparison.Ordinal);
        var (_, saved) = ModelBundle.Load(card);
        using (saved)
        using (no_grad())
        using (var images = full(new long[] { 2, 3, 24, 24 }, 100f))
        using (var logits = saved.forward(images))
        {
            Assert.Equal([2L, 3], logits.shape);
        }

        // Another graph under the same name is another experiment; the resolved one refuses it.
        WriteTiny(dir.Combine("tiny.onnx"), 2);
        Assert.NotEqual(experiment.Hash, ExperimentLoader.Parse(Yaml, path).Hash);
        var changed = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(experiment.ResolvedYaml, path));
        Assert.Contains("file_sha256", changed.Message, StringComparison.Ordinal);
        var stale = Assert.Throws<BadInputException>(() => ModelBundle.Load(card));
        Assert.Contains("sha256", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_key_is_refused_when_the_experiment_loads()
    {
        using var dir = new TempDir();
        var missing = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml, dir.Combine("imported.yaml")));
        Assert.Contains("tiny.onnx", missing.Message, StringComparison.Ordinal);
        var noKey = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml.Replace("file: tiny.onnx, ", "", StringComparison.Ordinal), dir.Combine("imported.yaml")));
        Assert.Contains("model.file", noKey.Message, StringComparison.Ordinal);
    }
}
