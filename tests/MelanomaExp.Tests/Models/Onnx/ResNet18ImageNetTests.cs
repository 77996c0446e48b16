using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Models.Onnx;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;
using InferenceSession = Microsoft.ML.OnnxRuntime.InferenceSession;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary>
/// The ImageNet ResNet-18 of the NuGet package: found and checked, imported to agree with ONNX Runtime, its input
/// convention the package's own, and trainable as <c>arch: resnet18-imagenet</c> at a size other than 224.
/// </summary>
public class ResNet18ImageNetTests(ITestOutputHelper output)
{
    private static readonly long[] Dims = [1, 3, 224, 224];

    [Fact]
    public void The_imported_backbone_agrees_with_onnx_runtime_on_random_inputs()
    {
        var file = ResNet18ImageNetArchitecture.Locate();
        var clock = Stopwatch.StartNew();
        using var module = OnnxModule.Import(file);
        var first = clock.Elapsed;
        clock.Restart();
        using (OnnxModule.Import(file))
        {
            output.WriteLine($"import of {new FileInfo(file).Length / 1e6:F1} MB ResNet18.onnx: {first.TotalSeconds:F2} s first (JIT included), {clock.Elapsed.TotalSeconds:F2} s again");
        }
        module.eval();
        Assert.Equal(110, module.parameters().Count() + module.buffers().Count());
        Assert.Equal(44, module.buffers().Count());
        // The cut backbone the classifier uses: everything before the fixed 7x7 pool, pooled globally instead.
        var graph = OnnxGraph.Read(file);
        using var cut = new OnnxModule(graph, OnnxClassifier.BackboneOutput(graph));
        cut.eval();
        using var session = new InferenceSession(file);
        double worst = 0, worstCut = 0;
        for (var seed = 0; seed < 2; seed++)
        {
            // Inputs as the backbone sees them: 0..255 pixels minus means of about 100..125.
            var input = OnnxReference.RandomInput(Dims, seed, -125, 150);
            var expected = OnnxReference.Run(session, input, Dims);
            Assert.Equal(512, expected.Length);
            worst = Math.Max(worst, OnnxReference.MaxAbsDifference(expected, OnnxReference.Run(module, input, Dims)));
            using var noGrad = no_grad();
            using var x = tensor(input, Dims);
            using var pooled = cut.forward(x).mean([2, 3]);
            worstCut = Math.Max(worstCut, OnnxReference.MaxAbsDifference(expected, pooled.data<float>().ToArray()));
            output.WriteLine($"seed {seed}: output range {expected.Min():F3}..{expected.Max():F3}");
        }
        output.WriteLine($"ResNet-18 raw output: max |onnxruntime - imported| = {worst:E2}; cut backbone + global average pool: {worstCut:E2}");
        Assert.True(worst < 1e-4, $"max abs difference {worst}");
        Assert.True(worstCut < 1e-4, $"cut: max abs difference {worstCut}");
    }

    [Fact]
    public void The_input_convention_is_the_package_mean_image_averaged_per_channel_in_bgr_order()
    {
        var preprocess = OnnxGraph.Read(Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        Assert.Equal(["Split", "Concat", "Sub"], preprocess.Nodes.Select(n => n.OpType));
        var (mean, shape) = preprocess.Floats("MeanImage");
        Assert.Equal([1L, 3, 224, 224], shape);
        var convention = ResNet18ImageNetArchitecture.Convention;
        Assert.True(convention.Bgr);
        for (var c = 0; c < 3; c++)
        {
            var average = mean.Skip(c * 224 * 224).Take(224 * 224).Average(v => (double)v);
            Assert.Equal(average, convention.Mean[c], 3);
        }
    }

    private const string Yaml = """
        name: transfer
        seed: 3
        device: cpu
        data: { train: Train, image_size: [64, 64], validation_split: 0.25 }
        steps:
          - name: resnet
            model: { arch: resnet18-imagenet, dropout: 0.2 }
            train: { epochs: 1, batch_size: 8, learning_rate: 0.0001 }
        evaluation: { bootstrap: 20 }
        """;

    [Fact]
    public void An_experiment_with_arch_resnet18_imagenet_loads_and_trains_one_epoch_at_64_px()
    {
        var experiment = ExperimentLoader.Parse(Yaml, "transfer.yaml");
        Assert.Equal(ResNet18ImageNetArchitecture.Key, experiment.Steps[0].Model.Arch);
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 64);
        var clock = Stopwatch.StartNew();
        var run = ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });
        output.WriteLine($"one epoch of resnet18-imagenet at 64 px on 18 images, with evaluation: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Single(run.Steps[0].Epochs);
        Assert.True(double.IsFinite(run.Steps[0].Epochs[0].TrainLoss));
        Assert.Contains(ResNet18ImageNetArchitecture.Key, File.ReadAllText(dir.Combine("out", "README.md")), StringComparison.Ordinal);

        // The saved model is rebuilt from the package file and says how its input is prepared.
        var card = Directory.EnumerateFiles(dir.Combine("out"), ModelBundle.CardFile, SearchOption.AllDirectories).First();
        Assert.Contains("BGR", File.ReadAllText(card), StringComparison.Ordinal);
        var (loaded, model) = ModelBundle.Load(card);
        using (model)
        {
            Assert.Equal(3, loaded.Classes.Count);
            using var noGrad = no_grad();
            using var images = full(new long[] { 2, 3, 64, 64 }, 128f);
            using var logits = model.forward(images);
            Assert.Equal([2L, 3], logits.shape);
        }
    }

    [Fact]
    public void The_classifier_trains_the_backbone_too_and_standardised_input_is_refused()
    {
        var spec = new ModelSpec(ResNet18ImageNetArchitecture.Key, 0);
        using var network = Architectures.Of(spec).Build(spec, classes: 4, height: 96, width: 64, rescale: true);
        var classifier = Assert.IsType<OnnxClassifier>(network);
        Assert.Equal(66 + 2, classifier.parameters().Count());
        Assert.All(classifier.parameters(), p => Assert.True(p.requires_grad));
        using var noGrad = no_grad();
        network.eval();
        using var images = rand(2, 3, 96, 64).mul(255);
        using var logits = network.forward(images);
        Assert.Equal([2L, 4], logits.shape);
        var error = Assert.Throws<BadInputException>(() => Architectures.Of(spec).Build(spec, 4, 64, 64, rescale: false));
        Assert.Contains("standardize", error.Message, StringComparison.Ordinal);
        var odd = Assert.Throws<BadInputException>(() => Architectures.Of(spec).Build(spec, 4, 96, 80, rescale: true));
        Assert.Contains("multiples of 32", odd.Message, StringComparison.Ordinal);
    }
}
