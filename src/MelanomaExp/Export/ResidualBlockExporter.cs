using MelanomaExp.Models;

namespace MelanomaExp.Export;

/// <summary>The basic residual block: two convolutions with batch norm, the (projected) input added, ReLU.</summary>
internal sealed class ResidualBlockExporter : ModuleExporter<ResidualBlock>
{
    protected override string Emit(ResidualBlock block, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        var x = context.EmitChild(block.Conv1, input, path, "conv1");
        x = context.EmitChild(block.Bn1, x, path, "bn1");
        x = g.Node("Relu", ExportContext.Join(path, "relu1"), [x]);
        x = context.EmitChild(block.Conv2, x, path, "conv2");
        x = context.EmitChild(block.Bn2, x, path, "bn2");
        var identity = block.Shortcut is { } shortcut ? context.EmitChild(shortcut, input, path, "shortcut") : input;
        x = g.Node("Add", ExportContext.Join(path, "add"), [x, identity]);
        return g.Node("Relu", ExportContext.Join(path, "relu"), [x]);
    }
}
