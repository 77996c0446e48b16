using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanomaExp.Models.Onnx;

/// <summary>MaxPool, AveragePool and GlobalAveragePool (2-D).</summary>
internal static class PoolingOps
{
    public static void Register(IDictionary<string, Func<OnnxNode, OnnxOp>> ops)
    {
        ops["MaxPool"] = MaxPool;
        ops["AveragePool"] = AveragePool;
        ops["GlobalAveragePool"] = node => new OnnxOp(node.TensorInputs(0), (x, _) => x[0].mean([2, 3], keepdim: true));
    }

    private static OnnxOp MaxPool(OnnxNode node)
    {
        var (kernel, strides, pad, symmetric, ceil) = Window(node);
        var dilations = node.Pair("dilations");
        if (node.Inputs.Count > 1 || node.Int("storage_order", 0) != 0)
        {
            throw node.Error("only the pooled output is supported (no indices, row-major storage)");
        }
        // torch pads symmetrically and by at most half the kernel; otherwise the pad is made explicit, with -inf so it never wins.
        var own = symmetric && pad[0] * 2 <= kernel[1] && pad[2] * 2 <= kernel[0];
        return new OnnxOp(node.TensorInputs(0), (x, _) => own
            ? F.max_pool2d(x[0], kernel, strides, [pad[2], pad[0]], dilations, ceil)
            : F.max_pool2d(F.pad(x[0], pad, value: double.NegativeInfinity), kernel, strides, [0, 0], dilations, ceil));
    }

    private static OnnxOp AveragePool(OnnxNode node)
    {
        var (kernel, strides, pad, symmetric, ceil) = Window(node);
        var includePad = node.Int("count_include_pad", 0) != 0;
        var none = pad.All(p => p == 0);
        var own = symmetric && pad[0] * 2 <= kernel[1] && pad[2] * 2 <= kernel[0];
        if (!none && !own && ceil)
        {
            throw node.Error("ceil_mode with asymmetric pads is not supported");
        }
        return new OnnxOp(node.TensorInputs(0), (x, _) =>
        {
            if (none || own)
            {
                return F.avg_pool2d(x[0], kernel, strides, [pad[2], pad[0]], ceil, includePad);
            }
            var sum = F.avg_pool2d(F.pad(x[0], pad), kernel, strides);
            if (includePad)
            {
                return sum;
            }
            // Excluding the pad: divide by the share of each window that lies on the image, pooled from a mask alike.
            using var mask = ones(1, 1, x[0].shape[2], x[0].shape[3], x[0].dtype, x[0].device);
            using var padded = F.pad(mask, pad);
            using var share = F.avg_pool2d(padded, kernel, strides);
            return sum.div(share);
        });
    }

    private static (long[] Kernel, long[] Strides, long[] Pad, bool Symmetric, bool Ceil) Window(OnnxNode node)
    {
        var kernel = node.Ints("kernel_shape") ?? throw node.Error("kernel_shape is required");
        if (kernel.Length != 2)
        {
            throw node.Error($"kernel_shape has {kernel.Length} values; only 2-D (NCHW) is supported");
        }
        var (pad, symmetric) = ConvOps.Padding(node.Pads());
        return (kernel, node.Pair("strides"), pad, symmetric, node.Int("ceil_mode", 0) != 0);
    }
}
