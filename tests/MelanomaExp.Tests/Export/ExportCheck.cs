using Google.Protobuf;
using MelanomaExp.Data;
using MelanomaExp.Export;
using MelanomaExp.Models;
using MelanomaExp.Tests.Fixtures;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;
using static TorchSharp.torch;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;

namespace MelanomaExp.Tests.Export;

/// <summary>
/// An exported model run through ONNX Runtime beside the module it came from (eval mode): the class probabilities on
/// the embedded sample's 72 images, decoded and resized as <c>predict</c> decodes them, and on random 0..255 inputs.
/// </summary>
internal static class ExportCheck
{
    public const double Tolerance = 1e-4;

    public static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "isic-9class-64", "Train");

    public static ModelCard Card(string arch, int classes, int height, int width) => new()
    {
        Arch = arch,
        Classes = [.. Enumerable.Range(0, classes).Select(c => $"class {c}")],
        ImageHeight = height,
        ImageWidth = width,
        Experiment = "export-test",
        ExperimentHash = "0123456789abcdef",
        Step = "step",
        PositiveClass = "class 0",
        Threshold = 0.25,
        ToolVersion = "test",
    };

    /// <summary>The sample's images as predict feeds them to the model: RGB bytes resized by the decoder, as float 0..255, N x 3 x H x W.</summary>
    public static (float[] Pixels, long[] Dims) SampleImages(int height, int width)
    {
        var files = ImageFiles.In(Sample);
        Assert.Equal(72, files.Count);
        var size = height * width * 3;
        var bytes = new byte[files.Count * size];
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Null(ImageDecoder.TryDecode(files[i], height, width, bytes.AsSpan(i * size, size)));
        }
        // BatchSource's conversion: bytes to float, then N x H x W x 3 permuted to N x 3 x H x W.
        using var hwc = tensor(bytes).reshape(files.Count, height, width, 3);
        using var nchw = hwc.to(ScalarType.Float32).permute(0, 3, 1, 2).contiguous();
        return (nchw.data<float>().ToArray(), nchw.shape);
    }

    public static (float[] Pixels, long[] Dims) RandomImages(int count, int height, int width, int seed)
    {
        long[] dims = [count, 3, height, width];
        return (Models.Onnx.OnnxReference.RandomInput(dims, seed, 0, 255), dims);
    }

    /// <summary>The module's class probabilities, as the evaluator computes them (softmax of the eval-mode logits).</summary>
    public static float[] TorchProbabilities(nn.Module<Tensor, Tensor> model, float[] pixels, long[] dims)
    {
        model.eval();
        using var noGrad = no_grad();
        using var x = tensor(pixels, dims);
        using var logits = model.forward(x);
        using var probabilities = nn.functional.softmax(logits, 1);
        return probabilities.contiguous().data<float>().ToArray();
    }

    public static float[] OnnxProbabilities(InferenceSession session, float[] pixels, long[] dims)
    {
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExporter.InputName, new DenseTensor(pixels, [.. dims.Select(d => (int)d)]))]);
        var output = results.Single();
        Assert.Equal(OnnxExporter.OutputName, output.Name);
        return [.. output.AsEnumerable<float>()];
    }

    /// <summary>
    /// Exports <paramref name="model"/>, runs both on the sample and on random inputs, prints the max |difference| and
    /// asserts it is under <see cref="Tolerance"/>; returns the exported model.
    /// </summary>
    /// <param name="showPower">
    /// Whether to prove the comparison can fail (a 5% error in the first weights must show). Only a network whose random
    /// weights leave its answers depending on the input can show it; a caller that turns it off proves it on a part.
    /// </param>
    public static Onnx.ModelProto AgreesWithOnnxRuntime(ITestOutputHelper output, string label, nn.Module<Tensor, Tensor> model, ModelCard card, bool showPower = true)
    {
        model.eval();
        var proto = OnnxExporter.Export(model, card);
        using var session = new InferenceSession(proto.ToByteArray());
        var (h, w) = (card.ImageHeight, card.ImageWidth);
        double sample = 0, random = 0;
        var confident = new List<float>();
        foreach (var (pixels, dims, isSample) in new[] { Tuple(SampleImages(h, w), true), Tuple(RandomImages(8, h, w, 1), false), Tuple(RandomImages(3, h, w, 2), false) })
        {
            var expected = TorchProbabilities(model, pixels, dims);
            var actual = OnnxProbabilities(session, pixels, dims);
            var difference = Models.Onnx.OnnxReference.MaxAbsDifference(expected, actual);
            (sample, random) = isSample ? (Math.Max(sample, difference), random) : (sample, Math.Max(random, difference));
            confident.AddRange(expected.Chunk(card.Classes.Count).Select(p => p.Max()));
        }
        output.WriteLine($"{label}: max |onnxruntime - torchsharp| class probability = {sample:E2} on the 72 sample images at {h}x{w}, {random:E2} on 11 random images; " +
            $"opset {proto.OpsetImport[0].Version}, {proto.Graph.Node.Count} nodes; top probability per image {confident.Min():F3}..{confident.Max():F3} (mean {confident.Average():F3})");
        Assert.True(sample < Tolerance, $"{label}: sample max abs difference {sample}");
        Assert.True(random < Tolerance, $"{label}: random max abs difference {random}");
        // Saturated probabilities (all 0 and 1) would agree whatever the graph computed: the weights must leave doubt.
        Assert.True(confident.Average() < 0.99, $"{label}: the probabilities are saturated (mean top probability {confident.Average()}), so the comparison shows nothing");
        if (!showPower)
        {
            return proto;
        }
        var (samplePixels, sampleDims) = SampleImages(h, w);
        var off = MaxDifferenceWithFirstWeightOff(proto, TorchProbabilities(model, samplePixels, sampleDims), samplePixels, sampleDims);
        output.WriteLine($"{label}: with the first weight tensor 5% off, the max difference is {off:E2}");
        Assert.True(off > Tolerance, $"{label}: a graph with a wrong weight agrees too ({off}), so the comparison shows nothing");
        return proto;
    }

    /// <summary>The comparison's power: the same graph with the first Conv's (or Gemm's) weights scaled by 1.05.</summary>
    private static double MaxDifferenceWithFirstWeightOff(Onnx.ModelProto proto, float[] expected, float[] pixels, long[] dims)
    {
        var wrong = proto.Clone();
        var weight = wrong.Graph.Node.First(n => n.OpType is "Conv" or "Gemm").Input[1];
        var tensor = wrong.Graph.Initializer.Single(t => t.Name == weight);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray().Select(v => v * 1.05f).ToArray();
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        using var session = new InferenceSession(wrong.ToByteArray());
        return Models.Onnx.OnnxReference.MaxAbsDifference(expected, OnnxProbabilities(session, pixels, dims));
    }

    private static (float[], long[], bool) Tuple((float[] Pixels, long[] Dims) images, bool isSample) => (images.Pixels, images.Dims, isSample);

    /// <summary>
    /// The test's own weights: every parameter moved by noise from the seeded generator (so biases are not zero), and
    /// batch norms given running statistics far from the fresh 0 and 1, so that an export that used the wrong ones
    /// would show.
    /// </summary>
    public static void Randomize(nn.Module<Tensor, Tensor> model, int seed)
    {
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var parameter in model.parameters())
        {
            using var noise = randn(parameter.shape, generator: generator).mul(0.01 + (0.2 * parameter.abs().mean().item<float>()));
            parameter.add_(noise);
        }
        foreach (var norm in model.modules().OfType<TorchSharp.Modules.BatchNorm2d>())
        {
            using var mean = randn(norm.running_mean!.shape, generator: generator).mul(0.3);
            using var variance = rand(norm.running_var!.shape, generator: generator).mul(1.5).add(0.3);
            norm.running_mean!.copy_(mean);
            norm.running_var!.copy_(variance);
        }
    }

    /// <summary>
    /// Sets every batch norm's running statistics to those of random images passed through the model (30 passes at
    /// momentum 0.1 leave 4% of the start): a deep network such as MobileNetV2 with <see cref="Randomize"/>'s invented
    /// statistics saturates its ReLU6s and gives every image the same answer, which no comparison can check.
    /// </summary>
    public static void CalibrateStatistics(nn.Module<Tensor, Tensor> model, int seed, int height, int width)
    {
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        model.train();
        for (var i = 0; i < 30; i++)
        {
            using var images = rand(new long[] { 8, 3, height, width }, generator: generator).mul(255);
            using var logits = model.forward(images);
        }
        model.eval();
    }
}
