using System.Reflection;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>
/// torchvision's MobileNetV2 InvertedResidual: its <c>conv</c> Sequential (expand, depthwise, project), plus the input
/// when the block keeps its shape (stride 1, as many channels out as in), as TorchSharp's TorchVision writes its
/// forward. The type and that flag are private to the package, so both are found by name; a package that renamed them
/// is refused rather than guessed at.
/// </summary>
internal sealed class TorchVisionInvertedResidualExporter : IModuleExporter
{
    private static readonly Type? Block = typeof(TorchSharp.Modules.MobileNetV2).GetNestedType("InvertedResidual", BindingFlags.NonPublic);

    private static readonly FieldInfo? Residual = Block?.GetField("use_res_connect", BindingFlags.NonPublic | BindingFlags.Instance);

    private TorchVisionInvertedResidualExporter(Type block) => ModuleType = block;

    /// <summary>The exporter, or null when the package has no such type (then MobileNetV2 is refused by name, and nothing else is affected).</summary>
    public static IModuleExporter? IfPresent() => Block is null ? null : new TorchVisionInvertedResidualExporter(Block);

    public Type ModuleType { get; }

    public string Emit(Module<Tensor, Tensor> module, string input, string path, ExportContext context)
    {
        var conv = module.named_children().FirstOrDefault(c => c.name == "conv").module as Module<Tensor, Tensor>
            ?? throw ExportContext.Refuse(module, path, "torchvision's InvertedResidual has no 'conv' layer here (the package changed)");
        if (Residual?.GetValue(module) is not bool residual)
        {
            throw ExportContext.Refuse(module, path, "torchvision's InvertedResidual keeps no use_res_connect flag here (the package changed)");
        }
        var x = context.EmitChild(conv, input, path, "conv");
        return residual ? context.Graph.Node("Add", ExportContext.Join(path, "add"), [input, x]) : x;
    }
}
