using MelanomaExp.Config;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Tests.Models.Onnx;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;

namespace MelanomaExp.Tests.Config;

/// <summary>The fine-tuning keys are read, canonical, in the step key, and refused where they mean nothing, before any data is read.</summary>
public class FineTuningKeysTests
{
    private static string Yaml(string arch, string train) => $$"""
        name: ft
        seed: 1
        data: { train: Train, image_size: [24, 24] }
        steps:
          - name: s
            model: { arch: {{arch}} }
            train: { epochs: 1{{train}} }
        """;

    private static string OnnxYaml(string train) => Yaml("onnx, file: b.onnx", train);

    private static TempDir WithGraph()
    {
        var dir = new TempDir();
        var g = new OnnxGraphWriter(1);
        var conv = g.NamedNode("Conv", "stem", ["image", g.Weight("w", [4, 3, 3, 3]), g.Weight("b", [4])]);
        var relu = g.NamedNode("Relu", "stem_relu", [conv]);
        var pooled = g.NamedNode("GlobalAveragePool", "pool", [relu]);
        File.WriteAllBytes(dir.Combine("b.onnx"), Google.Protobuf.MessageExtensions.ToByteArray(g.Model("image", [1, 3, 24, 24], g.Node("Flatten", [pooled]))));
        return dir;
    }

    [Fact]
    public void An_architecture_without_a_pretrained_backbone_refuses_them_naming_the_key_and_those_that_have_one()
    {
        foreach (var key in new[] { ", freeze: backbone", ", batch_norm: frozen", ", backbone_learning_rate_scale: 0.1" })
        {
            var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml("seed-cnn", key), "ft.yaml"));
            Assert.Contains($"steps[0].train.{key.Split(':')[0][2..]}", e.Message, StringComparison.Ordinal);
            Assert.Contains("seed-cnn has no pretrained backbone", e.Message, StringComparison.Ordinal);
            Assert.Contains("resnet18-imagenet", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_image_size_the_network_cannot_take_is_refused_on_data_image_size_before_any_data_is_read()
    {
        var odd = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml("resnet18-imagenet", ""), "ft.yaml"));
        Assert.True(odd.Message.Contains("ft.yaml:3: data.image_size: step 's': resnet18-imagenet needs data.image_size in multiples of 32", StringComparison.Ordinal), odd.Message);
        Assert.Contains("not 24x24", odd.Message, StringComparison.Ordinal);
        var fits = Yaml("resnet18-imagenet", "").Replace("[24, 24]", "[64, 96]", StringComparison.Ordinal);
        Assert.Equal(96, ExperimentLoader.Parse(fits, "ft.yaml").Data.ImageWidth);
        // An architecture without a rule takes the same odd size.
        Assert.Single(ExperimentLoader.Parse(Yaml("seed-cnn", ""), "ft.yaml").Steps);
    }

    [Fact]
    public void A_node_must_be_one_of_the_backbone_and_a_scale_needs_something_to_scale()
    {
        using var dir = WithGraph();
        var path = dir.Combine("ft.yaml");
        Assert.Equal("stem", ExperimentLoader.Parse(OnnxYaml(", freeze: stem"), path).Steps[0].Train.Freeze);
        var typo = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(OnnxYaml(", freeze: stm_relu"), path));
        Assert.True(typo.Message.Contains("did you mean 'stem_relu'?", StringComparison.Ordinal), typo.Message);
        var far = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(OnnxYaml(", freeze: layer4"), path));
        Assert.True(far.Message.Contains("its 4 nodes run from 'stem' to 'flatten_3'", StringComparison.Ordinal), far.Message);
        var scale = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(OnnxYaml(", freeze: backbone, backbone_learning_rate_scale: 0.1"), path));
        Assert.Contains("train.backbone_learning_rate_scale", scale.Message, StringComparison.Ordinal);
        // One error per key, whichever rule it breaks first.
        foreach (var (setting, message) in new[]
        {
            (", backbone_learning_rate_scale: 0", "must be above 0 (to keep the backbone fixed, use train.freeze: backbone)"),
            (", backbone_learning_rate_scale: -1", "must be between 0 and 100, got -1"),
            (", freeze: backbone, backbone_learning_rate_scale: 0", "has nothing to scale"),
            (", freeze: backbone, backbone_learning_rate_scale: -1", "must be between 0 and 100, got -1"),
        })
        {
            var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(OnnxYaml(setting), path));
            var problem = Assert.Single(e.Problems);
            Assert.True(problem.Message.Contains($"train.backbone_learning_rate_scale: {message}", StringComparison.Ordinal), $"{setting}: {problem.Message}");
        }
        Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(OnnxYaml(", batch_norm: sometimes"), path));
    }

    /// <summary>An oracle from outside this change: the hash the committed smoke report recorded when it was made.</summary>
    [Fact]
    public void A_shipped_experiment_keeps_the_hash_its_committed_report_recorded()
    {
        var recorded = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "reports", "smoke", "metrics.json")))
            .RootElement.GetProperty("experiment").GetProperty("hash").GetString();
        Assert.Equal(recorded, ExperimentLoader.Load(RepoPaths.Experiment("smoke.yaml")).Hash);
    }

    [Fact]
    public void Defaults_leave_the_hash_as_it_was_and_each_setting_changes_it_and_survives_the_resolved_yaml()
    {
        using var dir = WithGraph();
        var path = dir.Combine("ft.yaml");
        var plain = ExperimentLoader.Parse(OnnxYaml(""), path);
        Assert.Equal(plain.Hash, ExperimentLoader.Parse(OnnxYaml(", freeze: none, batch_norm: train, backbone_learning_rate_scale: 1"), path).Hash);
        var hashes = new HashSet<string> { plain.Hash };
        foreach (var setting in new[] { ", freeze: backbone", ", freeze: stem", ", batch_norm: frozen", ", backbone_learning_rate_scale: 0.1" })
        {
            var experiment = ExperimentLoader.Parse(OnnxYaml(setting), path);
            Assert.True(hashes.Add(experiment.Hash), $"{setting} did not change the hash");
            Assert.Equal(experiment.Hash, ExperimentLoader.Parse(experiment.ResolvedYaml, path).Hash);
            Assert.Contains(setting.Split(':')[0][2..] + ":", experiment.ResolvedYaml, StringComparison.Ordinal);
        }
    }
}
