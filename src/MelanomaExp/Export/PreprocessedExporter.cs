using MelanomaExp.Preprocessing;

namespace MelanomaExp.Export;

/// <summary>
/// The step's preprocessing, written into the graph as the module applies it before the network: Shades of Gray
/// colour constancy, then standardisation by the training images' channel mean and deviation (the module's buffers).
/// So the exported graph takes the same 0..255 RGB pixels as <c>predict</c>, whatever the step's <c>preprocess:</c>.
/// </summary>
internal sealed class PreprocessedExporter : ModuleExporter<Preprocessed>
{
    protected override string Emit(Preprocessed preprocessed, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        var x = preprocessed.Spec.ColourConstancy > 0 ? ShadesOfGrayNodes.Emit(input, preprocessed.Spec.ColourConstancy, ExportContext.Join(path, "colour_constancy"), g) : input;
        if (preprocessed.Spec.Standardize)
        {
            x = g.Node("Sub", ExportContext.Join(path, "standardize.sub"), [x, g.Initializer(ExportContext.Join(path, "channel_mean"), preprocessed.ChannelMean)]);
            x = g.Node("Div", ExportContext.Join(path, "standardize.div"), [x, g.Initializer(ExportContext.Join(path, "channel_std"), preprocessed.ChannelStd)]);
        }
        return context.EmitChild(preprocessed.Inner, x, path, "inner");
    }
}
