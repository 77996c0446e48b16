using TorchSharp;
using TorchSharp.Modules;
using static MelanomaExp.Export.OnnxGraphBuilder;

namespace MelanomaExp.Export;

/// <summary>Conv2d as Conv (zero padding, the same on both sides, as torch pads).</summary>
internal sealed class Conv2dExporter : ModuleExporter<Conv2d>
{
    protected override string Emit(Conv2d conv, string input, string path, ExportContext context)
    {
        if (conv.transposed)
        {
            throw ExportContext.Refuse(conv, path, "transposed convolution");
        }
        if (conv.padding_mode != PaddingModes.Zeros)
        {
            throw ExportContext.Refuse(conv, path, $"padding mode {conv.padding_mode} (only zero padding is written)");
        }
        if (conv.padding_type == Padding.Same)
        {
            throw ExportContext.Refuse(conv, path, "padding=Same (give the padding as numbers)");
        }
        var (kh, kw) = Pair(conv.kernel_size);
        var (sh, sw) = Pair(conv.stride);
        var (dh, dw) = Pair(conv.dilation);
        var (ph, pw) = conv.padding_type == Padding.Valid ? (0, 0) : Pair(conv.padding);
        var g = context.Graph;
        List<string> inputs = [input, g.Initializer(ExportContext.Join(path, "weight"), conv.weight!)];
        if (conv.bias is { } bias)
        {
            inputs.Add(g.Initializer(ExportContext.Join(path, "bias"), bias));
        }
        return g.Node("Conv", path, inputs, Ints("kernel_shape", kh, kw), Ints("strides", sh, sw), Ints("pads", ph, pw, ph, pw), Ints("dilations", dh, dw), Int("group", conv.groups));
    }

    /// <summary>Height and width from a torch size, which holds one value when both are the same.</summary>
    public static (long Height, long Width) Pair(long[]? values) => values switch
    {
        [var both] => (both, both),
        [var h, var w] => (h, w),
        _ => throw new ArgumentException($"expected 1 or 2 values, got [{string.Join(", ", values ?? [])}]", nameof(values)),
    };
}

/// <summary>Linear as Gemm with the weight transposed, as torch keeps it (out, in).</summary>
internal sealed class LinearExporter : ModuleExporter<Linear>
{
    protected override string Emit(Linear linear, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        // Before opset 11 Gemm's C is required: a Linear without bias adds zeros.
        var bias = linear.bias is { } b ? g.Initializer(ExportContext.Join(path, "bias"), b) : g.Floats(ExportContext.Join(path, "bias"), new float[linear.out_features], [linear.out_features]);
        return g.Node("Gemm", path, [input, g.Initializer(ExportContext.Join(path, "weight"), linear.weight!), bias], Int("transB", 1));
    }
}
