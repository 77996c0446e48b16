using MelanomaExp.Config;
using MelanomaExp.Models.Onnx;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary>An imported graph under bf16 mixed precision: reduced arithmetic, float32 master weights and statistics.</summary>
public class OnnxMixedPrecisionTests
{
    private static OnnxModule Module()
    {
        var g = new OnnxGraphWriter(7);
        var conv = g.Node("Conv", ["x", g.Weight("conv.weight", [8, 3, 3, 3]), g.Weight("conv.bias", [8])], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1));
        var bn = g.Node("BatchNormalization", [conv, g.Weight("bn.scale", [8]), g.Weight("bn.bias", [8]), g.Weight("bn.mean", [8]), g.Weight("bn.var", [8], 0.5, 1.5)], Float("epsilon", 1e-5f));
        var relu = g.Node("Relu", [bn]);
        var pooled = g.Node("GlobalAveragePool", [relu]);
        var flat = g.Node("Flatten", [pooled]);
        var fc = g.Node("Gemm", [flat, g.Weight("fc", [4, 8]), g.Weight("fc_b", [4])], Int("transB", 1));
        return new OnnxModule(new OnnxGraph(g.Model("x", [4, 3, 16, 16], fc), "mixed.onnx"));
    }

    /// <summary>The forward and backward of one batch; returns the output, the conv weight's gradient and the running mean after it.</summary>
    private static (float[] Output, float[] Gradient, float[] RunningMean, ScalarType OutputType, ScalarType GradientType) Step(ScalarType? computeType)
    {
        using var module = Module();
        module.ComputeType = computeType;
        module.train();
        using var input = rand(new long[] { 4, 3, 16, 16 }, generator: new Generator(3)).mul(2).sub(1);
        using var output = module.forward(input);
        using var loss = output.square().sum();
        loss.backward();
        var weight = module.named_parameters().Single(p => p.name == "conv_weight").parameter;
        var mean = module.named_buffers().Single(b => b.name == "bn_mean").buffer;
        Assert.Equal(ScalarType.Float32, weight.dtype);
        Assert.Equal(ScalarType.Float32, mean.dtype);
        return (output.data<float>().ToArray(), weight.grad!.data<float>().ToArray(), mean.data<float>().ToArray(), output.dtype, weight.grad!.dtype);
    }

    [Fact]
    public void Bf16_computes_in_reduced_precision_and_trains_float32_master_weights_and_statistics()
    {
        var full = Step(null);
        var mixed = Step(ScalarType.BFloat16);

        Assert.Equal((ScalarType.Float32, ScalarType.Float32), (mixed.OutputType, mixed.GradientType));
        // Not the float32 numbers (the arithmetic really is reduced), yet within bf16's 8 mantissa bits of them.
        Assert.NotEqual(full.Output, mixed.Output);
        var scale = full.Output.Max(Math.Abs);
        Assert.True(full.Output.Zip(mixed.Output).Max(p => Math.Abs(p.First - p.Second)) < 0.05 * scale);
        // The gradient reaching the master weight points the same way (cosine), and batch norm's statistics moved alike.
        var dot = full.Gradient.Zip(mixed.Gradient).Sum(p => (double)p.First * p.Second);
        var cosine = dot / Math.Sqrt(full.Gradient.Sum(g => (double)g * g) * mixed.Gradient.Sum(g => (double)g * g));
        Assert.True(cosine > 0.99, $"cosine {cosine}");
        Assert.True(full.RunningMean.Zip(mixed.RunningMean).Max(p => Math.Abs(p.First - p.Second)) < 0.01);
    }

    [Fact]
    public void Train_precision_bf16_is_accepted_for_imported_backbones()
    {
        var experiment = ExperimentLoader.Parse("""
            name: mixed
            seed: 1
            data: { train: Train, image_size: [64, 64] }
            steps:
              - name: fine-tuned
                model: { arch: resnet18-imagenet }
                train: { epochs: 1, precision: bf16 }
            """, "mixed.yaml");
        Assert.Equal("bf16", experiment.Steps[0].Train.Precision);
    }
}
