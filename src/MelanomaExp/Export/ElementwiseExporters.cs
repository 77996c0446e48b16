using TorchSharp.Modules;

namespace MelanomaExp.Export;

internal sealed class ReLUExporter : ModuleExporter<ReLU>
{
    protected override string Emit(ReLU relu, string input, string path, ExportContext context) => context.Graph.Node("Relu", path, [input]);
}

/// <summary>ReLU6 as Clip to [0, 6] (MobileNetV2's activation).</summary>
internal sealed class ReLU6Exporter : ModuleExporter<ReLU6>
{
    protected override string Emit(ReLU6 relu, string input, string path, ExportContext context) => context.Graph.Clip(path, input, 0, 6);
}

/// <summary>Dropout passes its input on in eval mode, so the graph leaves it out.</summary>
internal sealed class DropoutExporter : ModuleExporter<Dropout>
{
    protected override string Emit(Dropout dropout, string input, string path, ExportContext context) => input;
}
