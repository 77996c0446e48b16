using TorchSharp.Modules;
using static MelanomaExp.Export.OnnxGraphBuilder;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>Flatten from dimension 1 to the last as Flatten(axis 1), the only form ONNX has.</summary>
internal sealed class FlattenExporter : ModuleExporter<Flatten>
{
    protected override string Emit(Flatten flatten, string input, string path, ExportContext context) =>
        flatten.start_dim == 1 && flatten.end_dim == -1
            ? context.Graph.Node("Flatten", path, [input], Int("axis", 1))
            : throw ExportContext.Refuse(flatten, path, $"start_dim {flatten.start_dim}, end_dim {flatten.end_dim} (only 1 to -1 is written)");
}

/// <summary>Sequential: its children one after another, each named by its place.</summary>
internal sealed class SequentialExporter : ModuleExporter<Sequential>
{
    protected override string Emit(Sequential sequential, string input, string path, ExportContext context)
    {
        var x = input;
        foreach (var (name, child) in sequential.named_children())
        {
            x = child is Module<Tensor, Tensor> layer
                ? context.EmitChild(layer, x, path, name)
                : throw ExportContext.Refuse(sequential, path, $"child '{name}' ({child.GetType().Name}) is not a tensor-to-tensor module");
        }
        return x;
    }
}
