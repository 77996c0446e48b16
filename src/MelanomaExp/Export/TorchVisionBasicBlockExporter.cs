using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>
/// torchvision's ResNet BasicBlock (ResNet-18 and -34): relu(bn1(conv1(x))), bn2(conv2(.)), plus x or downsample(x), then
/// ReLU, as TorchSharp's TorchVision writes its forward. The type is private to that package, so it is found by name
/// and its layers by their registered names.
/// </summary>
internal sealed class TorchVisionBasicBlockExporter : IModuleExporter
{
    private static readonly Type? Block = typeof(TorchSharp.Modules.ResNet).GetNestedType("BasicBlock", System.Reflection.BindingFlags.NonPublic);

    private TorchVisionBasicBlockExporter(Type block) => ModuleType = block;

    /// <summary>The exporter, or null when the package has no such type (then the ResNet is refused by name, and nothing else is affected).</summary>
    public static IModuleExporter? IfPresent() => Block is null ? null : new TorchVisionBasicBlockExporter(Block);

    public Type ModuleType { get; }

    public string Emit(Module<Tensor, Tensor> module, string input, string path, ExportContext context)
    {
        var children = module.named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module, StringComparer.Ordinal);
        Module<Tensor, Tensor> Child(string name) => children.TryGetValue(name, out var child)
            ? child
            : throw ExportContext.Refuse(module, path, $"torchvision's BasicBlock has no '{name}' layer here (the package changed)");
        var g = context.Graph;
        var x = context.EmitChild(Child("conv1"), input, path, "conv1");
        x = context.EmitChild(Child("bn1"), x, path, "bn1");
        x = g.Node("Relu", ExportContext.Join(path, "relu1"), [x]);
        x = context.EmitChild(Child("conv2"), x, path, "conv2");
        x = context.EmitChild(Child("bn2"), x, path, "bn2");
        var identity = children.TryGetValue("downsample", out var downsample) ? context.EmitChild(downsample, input, path, "downsample") : input;
        x = g.Node("Add", ExportContext.Join(path, "add"), [x, identity]);
        return g.Node("Relu", ExportContext.Join(path, "relu"), [x]);
    }
}
