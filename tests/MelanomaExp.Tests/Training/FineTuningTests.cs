using Google.Protobuf;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Models.Onnx;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Tests.Models.Onnx;
using MelanomaExp.Training;
using TorchSharp.Modules;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

/// <summary>
/// train.freeze, train.batch_norm and train.backbone_learning_rate_scale on an imported backbone, and the feature cache a
/// fixed backbone allows: checked against what the settings promise (fixed tensors stay bit for bit as loaded, trainable
/// ones move) and against training on the images themselves.
/// </summary>
public class FineTuningTests
{
    private const int Size = 24;

    /// <summary>stem (conv) - stem_bn - relu - block (conv) - block_bn - relu - global pool - flatten, with real statistics.</summary>
    private static void WriteBackbone(string file)
    {
        var g = new OnnxGraphWriter(3);
        var stem = g.NamedNode("Conv", "stem", ["image", g.Weight("stem.w", [4, 3, 3, 3], -0.3, 0.3), g.Weight("stem.b", [4])], Ints("pads", 1, 1, 1, 1), Ints("strides", 2, 2));
        var stemBn = g.NamedNode("BatchNormalization", "stem_bn", [stem, g.Weight("stem_bn.scale", [4], 0.5, 1.5), g.Weight("stem_bn.bias", [4]), g.Weight("stem_bn.mean", [4], -0.2, 0.2), g.Weight("stem_bn.var", [4], 0.5, 1.5)]);
        var stemRelu = g.NamedNode("Relu", "stem_relu", [stemBn]);
        var block = g.NamedNode("Conv", "block", [stemRelu, g.Weight("block.w", [6, 4, 3, 3], -0.3, 0.3), g.Weight("block.b", [6])], Ints("pads", 1, 1, 1, 1));
        var blockBn = g.NamedNode("BatchNormalization", "block_bn", [block, g.Weight("block_bn.scale", [6], 0.5, 1.5), g.Weight("block_bn.bias", [6]), g.Weight("block_bn.mean", [6], -0.2, 0.2), g.Weight("block_bn.var", [6], 0.5, 1.5)]);
        var blockRelu = g.NamedNode("Relu", "block_relu", [blockBn]);
        var pooled = g.NamedNode("GlobalAveragePool", "pool", [blockRelu]);
        var flat = g.NamedNode("Flatten", "flat", [pooled]);
        File.WriteAllBytes(file, g.Model("image", [1, 3, Size, Size], flat).ToByteArray());
    }

    private static OnnxClassifier Classifier(string file, int seed, double dropout = 0)
    {
        TorchSeeding.Reseed(seed);
        return new OnnxClassifier(OnnxGraph.Read(file), InputConvention.Raw with { Scale = 1 / 255.0 }, rescale: true, classes: 3, Size, Size, dropout);
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module<Tensor, Tensor> model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    private static (ImageStore Store, Split Split) Dataset(TempDir dir)
    {
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 3, perClass: 12, size: Size);
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Combine("Train")), Size, Size, BadImagePolicy.Fail);
        return (store, Splitter.Make(store.Labels, 0.25, stratify: true, new Random(1)));
    }

    private static List<EpochRecord> Train(StepSpec step, nn.Module<Tensor, Tensor> model, IBatchSource source, ImageStore store, Split split, OptimizerHelper optimizer) =>
        new Trainer(source, new Seeds(9)).Train(step, model, optimizer, split.Train, split.Validation, store.Labels, new TrainingHooks());

    [Fact]
    public void Freezing_through_a_node_fixes_it_and_every_node_before_it_and_their_statistics()
    {
        using var dir = new TempDir();
        WriteBackbone(dir.Combine("b.onnx"));
        var (store, split) = Dataset(dir);
        var step = new StepSpec("s", new ModelSpec(OnnxArchitecture.Key, 0), new TrainSpec(2, 8, "adam", 0.01) { Freeze = "stem_bn" });
        using var model = Classifier(dir.Combine("b.onnx"), 1);
        Assert.Contains("fixed (through node 'stem_bn')", FineTuning.Apply(step.Train, model), StringComparison.Ordinal);
        var before = Snapshot(model);
        using var source = new BatchSource(store, CPU);
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        Train(step, model, source, store, split, optimizer);
        var after = model.state_dict();
        // Fixed: the stem's weights, its batch norm's scale and bias, and its running statistics.
        foreach (var name in before.Keys.Where(k => k.Contains("stem", StringComparison.Ordinal)))
        {
            Assert.True(before[name].equal(after[name]).all().item<bool>(), $"{name} changed");
        }
        // Trainable: everything after the node, the block's statistics (batch_norm: train) and the head.
        foreach (var name in before.Keys.Where(k => k.Contains("block", StringComparison.Ordinal) || k.StartsWith("head", StringComparison.Ordinal)))
        {
            Assert.False(before[name].equal(after[name]).all().item<bool>(), $"{name} did not change");
        }
        Assert.Equal(4, before.Keys.Count(k => k.Contains("stem", StringComparison.Ordinal) && model.named_parameters().Any(p => p.name == k)));
        Assert.All(model.named_parameters().Where(p => p.name.Contains("stem", StringComparison.Ordinal)), p => Assert.False(p.parameter.requires_grad));
    }

    [Fact]
    public void Frozen_batch_norm_keeps_every_statistic_and_the_backbone_learns_at_the_scaled_rate()
    {
        using var dir = new TempDir();
        WriteBackbone(dir.Combine("b.onnx"));
        var (store, split) = Dataset(dir);
        var step = new StepSpec("s", new ModelSpec(OnnxArchitecture.Key, 0), new TrainSpec(2, 8, "adam", 0.01) { FrozenBatchNorm = true, BackboneLearningRateScale = 0.1 });
        using var model = Classifier(dir.Combine("b.onnx"), 1);
        FineTuning.Apply(step.Train, model);
        var before = Snapshot(model);
        using var source = new BatchSource(store, CPU);
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        var groups = ((Adam)optimizer).ParamGroups.Cast<Adam.ParamGroup>().ToList();
        Assert.Equal([0.01, 0.001], groups.Select(g => Math.Round(g.LearningRate, 12)));
        Assert.Equal(model.parameters().Count(), groups.Sum(g => g.Parameters.Count()));
        Assert.Equal(model.Backbone.parameters().Count(), groups[1].Parameters.Count());
        Train(step, model, source, store, split, optimizer);
        var after = model.state_dict();
        var statistics = before.Keys.Where(k => k.EndsWith("mean", StringComparison.Ordinal) || k.EndsWith("var", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, statistics.Count);
        Assert.All(statistics, name => Assert.True(before[name].equal(after[name]).all().item<bool>(), $"{name} changed"));
        Assert.All(model.named_parameters(), p => Assert.False(before[p.name].equal(after[p.name]).all().item<bool>(), $"{p.name} did not learn"));
    }

    [Fact]
    public void A_fixed_backbone_trains_its_head_on_cached_features_as_it_would_on_the_images()
    {
        using var dir = new TempDir();
        WriteBackbone(dir.Combine("b.onnx"));
        var (store, split) = Dataset(dir);
        // Dropout in the head: the cached path must draw the same masks from the reseeded generator.
        var step = new StepSpec("s", new ModelSpec(OnnxArchitecture.Key, 0.3), new TrainSpec(3, 8, "adam", 0.01) { Freeze = TrainSpec.FreezeBackbone });
        using var onImages = Classifier(dir.Combine("b.onnx"), 5, dropout: 0.3);
        using var onFeatures = Classifier(dir.Combine("b.onnx"), 5, dropout: 0.3);
        FineTuning.Apply(step.Train, onImages);
        FineTuning.Apply(step.Train, onFeatures);
        Assert.True(FeatureSource.Applies(step, onFeatures));
        Assert.False(FeatureSource.Applies(step with { Augment = new AugmentSpec(FlipMode.Horizontal, 0, 0, 0, 0, 0, FillMode.Reflect) }, onFeatures));
        using var images = new BatchSource(store, CPU);
        using var imageOptimizer = Trainer.CreateOptimizer(step.Train, onImages);
        var expected = Train(step, onImages, images, store, split, imageOptimizer);

        using var features = FeatureSource.Compute(onFeatures, images, [.. split.Train.Concat(split.Validation)], store.Count);
        Assert.Equal(6, features.Width);
        using var head = new FeatureHead(onFeatures);
        using var featureOptimizer = Trainer.CreateOptimizer(step.Train, onFeatures);
        Assert.Equal(2, featureOptimizer.parameters().Count());
        var actual = Train(step, head, features, store, split, featureOptimizer);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].TrainLoss, actual[i].TrainLoss, 5);
            Assert.Equal(expected[i].ValLoss, actual[i].ValLoss, 5);
            Assert.Equal(expected[i].ValAccuracy, actual[i].ValAccuracy);
        }
        var headWeights = onFeatures.state_dict()["head.weight"];
        Assert.True(onImages.state_dict()["head.weight"].allclose(headWeights, rtol: 0, atol: 1e-5));
        // The head learnt: it is not its initial value.
        using var fresh = Classifier(dir.Combine("b.onnx"), 5, dropout: 0.3);
        Assert.False(fresh.state_dict()["head.weight"].allclose(headWeights, rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void Training_on_cached_features_twice_gives_the_same_bits()
    {
        using var dir = new TempDir();
        WriteBackbone(dir.Combine("b.onnx"));
        var (store, split) = Dataset(dir);
        var step = new StepSpec("s", new ModelSpec(OnnxArchitecture.Key, 0.3), new TrainSpec(2, 8, "adam", 0.01) { Freeze = TrainSpec.FreezeBackbone });
        using var images = new BatchSource(store, CPU);
        (List<EpochRecord> History, Tensor Head) Once()
        {
            using var model = Classifier(dir.Combine("b.onnx"), 5, dropout: 0.3);
            FineTuning.Apply(step.Train, model);
            using var features = FeatureSource.Compute(model, images, [.. split.Train.Concat(split.Validation)], store.Count);
            using var head = new FeatureHead(model);
            using var optimizer = Trainer.CreateOptimizer(step.Train, model);
            var history = Train(step, head, features, store, split, optimizer);
            return (history, model.state_dict()["head.weight"].detach().clone());
        }
        var (first, firstHead) = Once();
        var (second, secondHead) = Once();
        Assert.Equal(first.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)), second.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)));
        Assert.True(firstHead.equal(secondHead).all().item<bool>());
    }

    [Fact]
    public void A_run_with_a_frozen_backbone_says_it_caches_and_saves_the_backbone_as_loaded()
    {
        using var dir = new TempDir();
        WriteBackbone(dir.Combine("b.onnx"));
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: Size);
        var yaml = """
            name: frozen
            seed: 4
            device: cpu
            data: { train: Train, image_size: [24, 24], validation_split: 0.25 }
            steps:
              - name: head
                model: { arch: onnx, file: b.onnx }
                train: { epochs: 2, batch_size: 8, freeze: backbone }
            evaluation: { bootstrap: 20 }
            """;
        var (log, saved) = TrainedModel.Run(dir, yaml, "frozen.yaml");
        Assert.Contains(log, l => l.Contains("head: 8 of the backbone's 8 parameter tensors fixed", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("computed once", StringComparison.Ordinal));
        using (saved)
        using (var loaded = Classifier(dir.Combine("b.onnx"), 1))
        {
            var expected = loaded.state_dict();
            foreach (var (name, value) in saved.state_dict().Where(kv => kv.Key.StartsWith("backbone", StringComparison.Ordinal)))
            {
                Assert.True(expected[name].equal(value).all().item<bool>(), $"{name} is not the file's");
            }
        }
    }
}
