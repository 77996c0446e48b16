using TorchSharp.Modules;

namespace MelanomaExp.Export;

internal sealed class ReLUExporter : ModuleExporter<ReLU>
{
    protected override string Emit(ReLU relu, string input, string path, ExportContext context) => context.Graph.Node("Relu", path, [input]);
}

/// <summary>Dropout passes its input on in eval mode, so the graph leaves it out.</summary>
internal sealed class DropoutExporter : ModuleExporter<Dropout>
{
    protected override string Emit(Dropout dropout, string input, string path, ExportContext context) => input;
}
