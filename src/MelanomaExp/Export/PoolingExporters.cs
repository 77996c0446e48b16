using TorchSharp.Modules;
using static MelanomaExp.Export.OnnxGraphBuilder;

namespace MelanomaExp.Export;

/// <summary>MaxPool2d as MaxPool: ONNX, like torch, never lets a padded position win.</summary>
internal sealed class MaxPool2dExporter : ModuleExporter<MaxPool2d>
{
    protected override string Emit(MaxPool2d pool, string input, string path, ExportContext context)
    {
        var (kh, kw) = Conv2dExporter.Pair(pool.kernel_size);
        // torch's stride defaults to the kernel size.
        var (sh, sw) = pool.stride is { Length: > 0 } stride ? Conv2dExporter.Pair(stride) : (kh, kw);
        var (ph, pw) = pool.padding is { Length: > 0 } padding ? Conv2dExporter.Pair(padding) : (0, 0);
        var (dh, dw) = pool.dilation is { Length: > 0 } dilation ? Conv2dExporter.Pair(dilation) : (1, 1);
        var g = context.Graph;
        List<Onnx.AttributeProto> attributes = [Ints("kernel_shape", kh, kw), Ints("strides", sh, sw), Ints("pads", ph, pw, ph, pw)];
        if (dh != 1 || dw != 1 || pool.ceil_mode)
        {
            if (g.Opset < 10)
            {
                throw ExportContext.Refuse(pool, path, $"dilation or ceil_mode needs opset 10, and the graph is written for opset {g.Opset}");
            }
            attributes.Add(Ints("dilations", dh, dw));
            attributes.Add(Int("ceil_mode", pool.ceil_mode ? 1 : 0));
        }
        return g.Node("MaxPool", path, [input], [.. attributes]);
    }
}

/// <summary>AdaptiveAvgPool2d to 1x1 as GlobalAveragePool; other output sizes are refused.</summary>
internal sealed class AdaptiveAvgPool2dExporter : ModuleExporter<AdaptiveAvgPool2d>
{
    protected override string Emit(AdaptiveAvgPool2d pool, string input, string path, ExportContext context) =>
        pool.output_size.All(s => s == 1)
            ? context.Graph.Node("GlobalAveragePool", path, [input])
            : throw ExportContext.Refuse(pool, path, $"output size [{string.Join(", ", pool.output_size)}] (only 1x1, global average pooling, is written)");
}
