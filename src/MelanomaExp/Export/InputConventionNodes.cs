using static TorchSharp.torch;

namespace MelanomaExp.Export;

/// <summary>A pretrained network's input convention as the modules hold it: x * scale + shift per channel (1, 3, 1, 1).</summary>
internal static class InputConventionNodes
{
    public static string Emit(OnnxGraphBuilder g, string path, string input, Tensor scale, Tensor shift)
    {
        var x = g.Node("Mul", ExportContext.Join(path, "input_scale"), [input, g.Initializer(ExportContext.Join(path, "input_scale"), scale)]);
        return g.Node("Add", ExportContext.Join(path, "input_shift"), [x, g.Initializer(ExportContext.Join(path, "input_shift"), shift)]);
    }
}
