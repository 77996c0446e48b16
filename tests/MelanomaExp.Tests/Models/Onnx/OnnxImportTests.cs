using Google.Protobuf;
using MelanomaExp.Models.Onnx;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using Xunit.Abstractions;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary>
/// Small graphs the test writes, with random weights, run through ONNX Runtime and through the imported module on
/// random inputs: they agree to 1e-4 (max absolute difference), op by op family, including the asymmetric pads torch
/// has no own form for.
/// </summary>
public class OnnxImportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Conv_with_asymmetric_pads_batch_norm_relu_and_max_pool_with_asymmetric_pads_agree_with_onnx_runtime()
    {
        var g = new OnnxGraphWriter(1);
        var conv = g.Node("Conv", ["x", g.Weight("conv.weight", [8, 3, 3, 3]), g.Weight("conv.bias", [8])], Ints("kernel_shape", 3, 3), Ints("strides", 2, 1), Ints("pads", 1, 2, 0, 1));
        var bn = g.Node("BatchNormalization", [conv, g.Weight("bn.scale", [8]), g.Weight("bn.bias", [8]), g.Weight("bn.mean", [8]), g.Weight("bn.var", [8], 0.5, 1.5)], Float("epsilon", 1e-5f));
        var relu = g.Node("Relu", [bn]);
        var pool = g.Node("MaxPool", [relu], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 0, 0));
        var module = Check("conv-bn-relu-maxpool", g.Model("x", [2, 3, 17, 19], pool), [2, 3, 17, 19]);
        // Weights train, batch-norm statistics do not.
        Assert.Equal(["conv_weight", "conv_bias", "bn_scale", "bn_bias"], module.named_parameters().Select(p => p.name));
        Assert.Equal(["bn_mean", "bn_var"], module.named_buffers().Select(b => b.name));
        Assert.All(module.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void Depthwise_and_pointwise_conv_and_average_pools_agree_with_onnx_runtime()
    {
        var g = new OnnxGraphWriter(2);
        var depthwise = g.Node("Conv", ["x", g.Weight("dw", [6, 1, 3, 3]), g.Weight("dw_b", [6])], Int("group", 6), Ints("pads", 1, 1, 1, 1), Ints("dilations", 2, 2));
        var pointwise = g.Node("Conv", [depthwise, g.Weight("pw", [4, 6, 1, 1])]);
        // Asymmetric pads without counting them: the importer divides by the share of each window on the image.
        var average = g.Node("AveragePool", [pointwise], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 0, 1, 1, 0));
        var symmetric = g.Node("AveragePool", [average], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1), Int("count_include_pad", 1));
        var global = g.Node("GlobalAveragePool", [symmetric]);
        Check("depthwise-avgpool", g.Model("x", [2, 6, 12, 12], global), [2, 6, 12, 12]);
    }

    [Fact]
    public void Flatten_gemm_and_reshape_agree_with_onnx_runtime()
    {
        var g = new OnnxGraphWriter(3);
        var flat = g.Node("Flatten", ["x"], Int("axis", 1));
        var linear = g.Node("Gemm", [flat, g.Weight("fc1", [5, 36]), g.Weight("fc1_b", [5])], Int("transB", 1));
        var general = g.Node("Gemm", [linear, g.Weight("fc2", [5, 6]), g.Weight("fc2_b", [6])], Float("alpha", 0.5f), Float("beta", 2f));
        var reshaped = g.Node("Reshape", [general, g.Int64s("shape", 0, 2, -1)]);
        Check("flatten-gemm-reshape", g.Model("x", [2, 4, 3, 3], reshaped), [2, 4, 3, 3]);
    }

    [Fact]
    public void Concat_of_branches_and_the_input_with_a_residual_add_agrees_with_onnx_runtime()
    {
        var g = new OnnxGraphWriter(4);
        var a = g.Node("Conv", ["x", g.Weight("a", [4, 3, 3, 3])], Ints("pads", 1, 1, 1, 1));
        var b = g.Node("Conv", ["x", g.Weight("b", [3, 3, 1, 1]), g.Weight("b_bias", [3])]);
        var residual = g.Node("Add", [b, "x"]);
        var joined = g.Node("Concat", [a, residual, "x"], Int("axis", 1));
        Check("concat-add", g.Model("x", [2, 3, 8, 8], joined), [2, 3, 8, 8]);
    }

    [Fact]
    public void Clip_as_relu6_with_bounds_as_inputs_and_as_attributes_agrees_with_onnx_runtime()
    {
        var g = new OnnxGraphWriter(5);
        var scaled = g.Node("Mul", ["x", g.Floats("eight", [1], 8f)]);
        var clipped = g.Node("Clip", [scaled, g.Floats("zero", [], 0f), g.Floats("six", [], 6f)]);
        Check("clip-opset13", g.Model("x", [2, 3, 5, 5], clipped), [2, 3, 5, 5]);

        // Before opset 11 the bounds were attributes.
        var old = new OnnxGraphWriter(6);
        var oldClipped = old.Node("Clip", [old.Node("Mul", ["x", old.Floats("eight", [1], 8f)])], Float("min", -1f), Float("max", 6f));
        Check("clip-opset6", old.Model("x", [2, 3, 5, 5], oldClipped, opset: 9), [2, 3, 5, 5]);
    }

    [Fact]
    public void A_graph_with_an_unknown_op_is_refused_naming_the_op_the_node_and_the_file()
    {
        var g = new OnnxGraphWriter(7);
        var relu = g.Node("Relu", ["x"]);
        var soft = g.NamedNode("Softplus", "the_softplus", [relu]);
        var error = Assert.Throws<BadInputException>(() => new OnnxModule(new OnnxGraph(g.Model("x", [1, 3, 4, 4], soft), "strange.onnx")));
        output.WriteLine(error.Message);
        Assert.Contains("'Softplus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'the_softplus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("strange.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_bad_input_naming_it()
    {
        using var dir = new Fixtures.TempDir();
        var file = dir.Combine("junk.onnx");
        File.WriteAllBytes(file, [0xff, 0xff, 0xff, 0x01, 0x02]);
        var error = Assert.Throws<BadInputException>(() => OnnxModule.Import(file));
        Assert.Contains("junk.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_written_out_of_order_run_in_topological_order()
    {
        var g = new OnnxGraphWriter(8);
        var relu = g.Node("Relu", ["x"]);
        var add = g.Node("Add", [relu, "x"]);
        var model = g.Model("x", [1, 2, 3, 3], add);
        var nodes = model.Graph.Node.Reverse().ToList();
        model.Graph.Node.Clear();
        model.Graph.Node.AddRange(nodes);
        Check("reversed", model, [1, 2, 3, 3]);
    }

    private OnnxModule Check(string what, ModelProto model, long[] dims)
    {
        using var session = new InferenceSession(model.ToByteArray());
        var module = new OnnxModule(new OnnxGraph(model, $"{what}.onnx"));
        module.eval();
        var worst = 0.0;
        for (var seed = 0; seed < 3; seed++)
        {
            var input = OnnxReference.RandomInput(dims, seed, -3, 3);
            worst = Math.Max(worst, OnnxReference.MaxAbsDifference(OnnxReference.Run(session, input, dims), OnnxReference.Run(module, input, dims)));
        }
        output.WriteLine($"{what}: max |onnxruntime - imported| = {worst:E2} over 3 random inputs");
        Assert.True(worst < Tolerance, $"{what}: max abs difference {worst}");
        return module;
    }
}
