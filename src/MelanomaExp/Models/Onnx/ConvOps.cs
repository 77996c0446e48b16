using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanomaExp.Models.Onnx;

/// <summary>Conv (2-D, grouped and depthwise) and Gemm: the ops that carry the trained weights.</summary>
internal static class ConvOps
{
    public static void Register(IDictionary<string, Func<OnnxNode, OnnxOp>> ops)
    {
        ops["Conv"] = Conv;
        ops["Gemm"] = Gemm;
    }

    private static OnnxOp Conv(OnnxNode node)
    {
        var strides = node.Pair("strides");
        var dilations = node.Pair("dilations");
        var groups = node.Int("group", 1);
        if (node.Ints("kernel_shape") is { Length: not 2 } kernel)
        {
            throw node.Error($"kernel_shape has {kernel.Length} values; only 2-D (NCHW) is supported");
        }
        var (pad, symmetric) = Padding(node.Pads());
        var hasBias = node.Input(2).Length > 0;
        return new OnnxOp(node.TensorInputs(0, 1, 2), (x, _) =>
        {
            // torch pads both sides alike; an asymmetric ONNX pad (the ResNet-18's stem is [3,3,2,2]) is applied first.
            var input = symmetric ? x[0] : F.pad(x[0], pad);
            long[] padding = symmetric ? [pad[2], pad[0]] : [0, 0];
            return F.conv2d(input, x[1], hasBias ? x[2] : null, strides, padding, dilations, groups);
        });
    }

    private static OnnxOp Gemm(OnnxNode node)
    {
        var alpha = node.Float("alpha", 1);
        var beta = node.Float("beta", 1);
        var transA = node.Int("transA", 0) != 0;
        var transB = node.Int("transB", 0) != 0;
        var hasC = node.Input(2).Length > 0;
        return new OnnxOp(node.TensorInputs(0, 1, 2), (x, _) =>
        {
            if (!transA && transB && alpha == 1 && beta == 1)
            {
                // What exporters write for a Linear layer: torch's fused form.
                return F.linear(x[0], x[1], hasC ? x[2] : null);
            }
            var a = transA ? x[0].t() : x[0];
            var b = transB ? x[1].t() : x[1];
            var y = a.matmul(b);
            if (alpha != 1)
            {
                y = y.mul(alpha);
            }
            return hasC ? y.add(beta == 1 ? x[2] : x[2].mul(beta)) : y;
        });
    }

    /// <summary>torch's (left, right, top, bottom) and whether conv/pool can take it as their own symmetric padding.</summary>
    public static (long[] Pad, bool Symmetric) Padding(long[] pad) => (pad, pad[0] == pad[1] && pad[2] == pad[3]);
}
