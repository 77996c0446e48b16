using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Models.TorchVision;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models.TorchVision;

/// <summary>
/// torchvision-resnet18 and torchvision-mobilenet-v2: the wrapper computes what the torchvision network computes on
/// ImageNet-normalised input, keeps PyTorch's parameter names, and starts from a 1000-class file with a fresh head.
/// </summary>
public class TorchVisionArchitectureTests
{
    public static TheoryData<string> Names => [TorchVisionArchitecture.ResNet18.Name, TorchVisionArchitecture.MobileNetV2.Name];

    private static nn.Module<Tensor, Tensor> Raw(string name, int classes) => name == TorchVisionArchitecture.ResNet18.Name
        ? TorchSharp.torchvision.models.resnet18(num_classes: classes)
        : TorchSharp.torchvision.models.mobilenet_v2(num_classes: classes);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_network_is_torchvisions_forward_on_imagenet_normalised_pixels_with_pytorchs_names(string name)
    {
        TorchSeeding.Reseed(7);
        using var expectedNet = Raw(name, 3);
        TorchSeeding.Reseed(7);
        using var network = (TorchVisionNetwork)Architectures.Of(name).Build(new ModelSpec(name, 0), 3, 64, 64, rescale: true);
        Assert.Equal(expectedNet.state_dict().Keys.Order(StringComparer.Ordinal), network.state_dict().Keys.Order(StringComparer.Ordinal));
        expectedNet.eval();
        network.eval();
        using var noGrad = no_grad();
        random.manual_seed(1);
        using var pixels = rand(2, 3, 64, 64).mul(255);
        using var mean = tensor(new[] { 0.485f, 0.456f, 0.406f }).reshape(1, 3, 1, 1);
        using var std = tensor(new[] { 0.229f, 0.224f, 0.225f }).reshape(1, 3, 1, 1);
        using var normalised = pixels.div(255).sub(mean).div(std);
        using var expected = expectedNet.forward(normalised);
        using var actual = network.forward(pixels);
        var difference = expected.sub(actual).abs().max().item<float>();
        Assert.True(difference < 1e-4, $"max |difference| {difference}");
        // Features then head is the same forward (what the feature cache relies on).
        using var features = network.Features(pixels);
        using var split = network.Classify(features, training: false);
        Assert.True(split.allclose(actual, rtol: 0, atol: 1e-5));
    }

    /// <summary>
    /// The names PyTorch gives: Golden/TorchVision/*.keys are the sorted <c>state_dict()</c> keys of torchvision 0.14.1's
    /// resnet18 and mobilenet_v2 (Debian's python3-torchvision), so a state dict exported from PyTorch loads as it is.
    /// </summary>
    [Theory]
    [InlineData("torchvision-resnet18", "resnet18.keys")]
    [InlineData("torchvision-mobilenet-v2", "mobilenet_v2.keys")]
    public void Its_parameters_have_the_names_pytorch_gives_them(string name, string keys)
    {
        var pytorch = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "TorchVision", keys));
        using var network = Architectures.Of(name).Build(new ModelSpec(name, 0), 1000, 64, 64, rescale: true);
        Assert.Equal(pytorch, network.state_dict().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Init_from_an_imagenet_file_loads_the_backbone_and_leaves_a_fresh_head_for_the_experiments_classes()
    {
        using var dir = new TempDir();
        TorchSeeding.Reseed(11);
        using (var imagenet = TorchSharp.torchvision.models.resnet18(num_classes: 1000))
        {
            imagenet.save(dir.Combine("resnet18-imagenet.dat"));
        }
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 32);
        var yaml = """
            name: tv
            seed: 4
            device: cpu
            data: { train: Train, image_size: [32, 32], validation_split: 0.25 }
            steps:
              - name: head
                model: { arch: torchvision-resnet18, init_from: resnet18-imagenet.dat }
                train: { epochs: 2, batch_size: 8, freeze: backbone }
            evaluation: { bootstrap: 20 }
            """;
        var (log, saved) = TrainedModel.Run(dir, yaml, "tv.yaml");
        Assert.Contains(log, l => l.Contains("computed once", StringComparison.Ordinal));
        using (saved)
        using (var file = TorchSharp.torchvision.models.resnet18(num_classes: 1000))
        {
            file.load(dir.Combine("resnet18-imagenet.dat"));
            var expected = file.state_dict();
            var trained = saved.state_dict();
            foreach (var (key, value) in trained.Where(kv => !kv.Key.StartsWith("fc.", StringComparison.Ordinal)))
            {
                Assert.True(expected[key].equal(value).all().item<bool>(), $"{key} is not the file's");
            }
            Assert.Equal([3L, 512], trained["fc.weight"].shape);
        }
    }

    [Fact]
    public void Fixed_batch_norms_stay_in_evaluation_when_the_network_trains()
    {
        TorchSeeding.Reseed(3);
        using var network = (TorchVisionNetwork)Architectures.Of(TorchVisionArchitecture.ResNet18.Name).Build(new ModelSpec(TorchVisionArchitecture.ResNet18.Name, 0), 3, 32, 32, rescale: true);
        FineTuning.Apply(new TrainSpec(1, 8, "adam", 0.001) { Freeze = "layer2" }, network);
        network.train();
        var norms = network.named_modules().Where(m => m.module is BatchNorm2d).ToList();
        Assert.All(norms.Where(m => m.name.StartsWith("bn1", StringComparison.Ordinal) || m.name.StartsWith("layer1", StringComparison.Ordinal) || m.name.StartsWith("layer2", StringComparison.Ordinal)), m => Assert.False(m.module.training, m.name));
        Assert.All(norms.Where(m => m.name.StartsWith("layer3", StringComparison.Ordinal) || m.name.StartsWith("layer4", StringComparison.Ordinal)), m => Assert.True(m.module.training, m.name));
        Assert.All(network.named_parameters().Where(p => p.name.StartsWith("layer2", StringComparison.Ordinal)), p => Assert.False(p.parameter.requires_grad, p.name));
        Assert.All(network.named_parameters().Where(p => p.name.StartsWith("layer3", StringComparison.Ordinal) || p.name.StartsWith("fc", StringComparison.Ordinal)), p => Assert.True(p.parameter.requires_grad, p.name));
        Assert.False(network.BackboneFixed);
        FineTuning.Apply(new TrainSpec(1, 8, "adam", 0.001) { Freeze = TrainSpec.FreezeBackbone }, network);
        Assert.True(network.BackboneFixed);
    }

    [Fact]
    public void Its_keys_are_checked_when_the_experiment_loads()
    {
        using var dir = new TempDir();
        using (var weights = TorchSharp.torchvision.models.mobilenet_v2(num_classes: 1000))
        {
            weights.save(dir.Combine("mobilenet.dat"));
        }
        var path = dir.Combine("tv.yaml");
        string Yaml(string model, string train, string extra = "") => $$"""
            name: tv
            seed: 1
            data: { train: Train, image_size: [32, 32] }
            steps:
              - name: s
                model: { arch: torchvision-mobilenet-v2{{model}} }
                train: { epochs: 1{{train}} }
            {{extra}}
            """;
        const string Weights = ", init_from: mobilenet.dat";
        Assert.Equal("features", ExperimentLoader.Parse(Yaml(Weights, ", freeze: features"), path).Steps[0].Train.Freeze);
        var dropout = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml(", dropout: 0.3", ""), path));
        Assert.Contains("model.dropout", dropout.Message, StringComparison.Ordinal);
        var node = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml(Weights, ", freeze: layer3"), path));
        Assert.True(node.Message.Contains("'features'", StringComparison.Ordinal), node.Message);
        // Without init_from its backbone is random: freezing it is refused, naming the key.
        var random = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml("", ", freeze: backbone"), path));
        Assert.True(random.Message.Contains("train.freeze", StringComparison.Ordinal) && random.Message.Contains("init_from", StringComparison.Ordinal), random.Message);
        // Standardised input would lose the 0..255 scale its ImageNet normalisation starts from.
        var standardize = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml(Weights, "", "    preprocess: { standardize: true }"), path));
        Assert.True(standardize.Message.Contains("preprocess.standardize", StringComparison.Ordinal), standardize.Message);
    }

    [Fact]
    public void Fixed_children_keep_their_batch_norm_statistics_while_the_rest_trains_on_augmented_images()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 3, perClass: 8, size: 32);
        var store = MelanomaExp.Data.ImageStoreLoader.Load(MelanomaExp.Data.DatasetScanner.Scan(dir.Path), 32, 32, BadImagePolicy.Fail);
        var split = MelanomaExp.Data.Splitter.Make(store.Labels, 0.25, stratify: true, new Random(1));
        var name = TorchVisionArchitecture.ResNet18.Name;
        var step = new StepSpec("s", new ModelSpec(name, 0), new TrainSpec(1, 8, "adam", 0.01) { Freeze = "layer2" })
        {
            Augment = new AugmentSpec(FlipMode.HorizontalAndVertical, 0, 0, 0, 0, 0, FillMode.Reflect),
        };
        TorchSeeding.Reseed(5);
        using var network = Architectures.Of(name).Build(step.Model, 3, 32, 32, rescale: true);
        FineTuning.Apply(step.Train, network);
        Assert.False(FeatureSource.Applies(step, network));
        var before = network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        using var source = new BatchSource(store, CPU);
        using var optimizer = Trainer.CreateOptimizer(step.Train, network);
        new Trainer(source, new Seeds(2)).Train(step, network, optimizer, split.Train, split.Validation, store.Labels, new TrainingHooks());
        var after = network.state_dict();
        static bool Fixed(string key) => key.StartsWith("conv1", StringComparison.Ordinal) || key.StartsWith("bn1", StringComparison.Ordinal) || key.StartsWith("layer1", StringComparison.Ordinal) || key.StartsWith("layer2", StringComparison.Ordinal);
        Assert.All(before.Keys.Where(Fixed), k => Assert.True(before[k].equal(after[k]).all().item<bool>(), $"{k} changed"));
        // The running means of layer3's batch norms moved: the unfixed ones did train on the batches.
        Assert.Contains(before.Keys.Where(k => k.StartsWith("layer3", StringComparison.Ordinal) && k.EndsWith("running_mean", StringComparison.Ordinal)), k => !before[k].equal(after[k]).all().item<bool>());
    }
}
