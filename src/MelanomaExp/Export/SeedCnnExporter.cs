using MelanomaExp.Models;

namespace MelanomaExp.Export;

/// <summary>The seed CNN: its 1/255 (when it rescales), then its layers in the order its forward runs them.</summary>
internal sealed class SeedCnnExporter : ModuleExporter<SeedCnn>
{
    protected override string Emit(SeedCnn cnn, string input, string path, ExportContext context)
    {
        var x = cnn.Rescale ? Rescaling.Emit(input, path, context) : input;
        foreach (var (name, layer) in cnn.ExecutionOrder)
        {
            x = context.EmitChild(layer, x, path, name);
        }
        return x;
    }
}

/// <summary>The networks' own division of 0..255 pixels by 255, as Div (what torch's div computes, to the bit).</summary>
internal static class Rescaling
{
    public static string Emit(string input, string path, ExportContext context) =>
        context.Graph.Node("Div", ExportContext.Join(path, "rescale"), [input, context.Graph.Scalar(ExportContext.Join(path, "rescale.divisor"), 255f)]);
}
