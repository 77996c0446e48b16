using MelanomaExp.Models.TorchVision;
using static MelanomaExp.Export.OnnxGraphBuilder;

namespace MelanomaExp.Export;

/// <summary>
/// A torchvision network: the ImageNet convention (x * scale + shift per channel, from the module's buffers), its
/// feature children in order, a global average pool and flatten (the mean <see cref="TorchVisionNetwork.Features"/>
/// takes), then the head. Each child needs an exporter of its own: torchvision's blocks have one each
/// (<see cref="TorchVisionBasicBlockExporter"/>, <see cref="TorchVisionInvertedResidualExporter"/>).
/// </summary>
internal sealed class TorchVisionNetworkExporter : ModuleExporter<TorchVisionNetwork>
{
    protected override string Emit(TorchVisionNetwork network, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        var x = InputConventionNodes.Emit(g, path, input, network.InputScale, network.InputShift);
        foreach (var (name, child) in network.FeatureChildren)
        {
            x = context.EmitChild(child, x, path, name);
        }
        x = g.Node("GlobalAveragePool", ExportContext.Join(path, "pool"), [x]);
        x = g.Node("Flatten", ExportContext.Join(path, "flatten"), [x], Int("axis", 1));
        return context.EmitChild(network.Head, x, path, "head");
    }
}
