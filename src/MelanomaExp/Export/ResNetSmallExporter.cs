using MelanomaExp.Models;

namespace MelanomaExp.Export;

/// <summary>The small ResNet: its 1/255 (when it rescales), the features, the classifier (its dropout left out).</summary>
internal sealed class ResNetSmallExporter : ModuleExporter<ResNetSmall>
{
    protected override string Emit(ResNetSmall network, string input, string path, ExportContext context)
    {
        var x = network.Rescale ? Rescaling.Emit(input, path, context) : input;
        x = context.EmitChild(network.Features, x, path, "features");
        return context.EmitChild(network.Classifier, x, path, "classifier");
    }
}
