using MelanomaExp.Models.Onnx;
using static MelanomaExp.Export.OnnxGraphBuilder;

namespace MelanomaExp.Export;

/// <summary>
/// An imported backbone with its head: the input convention (channel order, then x * scale + shift per channel, from the
/// module's own buffers), the backbone's nodes, global average pooling of a feature map, the Linear head (its dropout
/// left out).
/// </summary>
internal sealed class OnnxClassifierExporter : ModuleExporter<OnnxClassifier>
{
    protected override string Emit(OnnxClassifier classifier, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        var x = input;
        if (classifier.Bgr)
        {
            // torch's flip of the channel axis: channels 2, 1, 0.
            x = g.Node("Gather", ExportContext.Join(path, "bgr"), [x, g.Int64s(ExportContext.Join(path, "bgr.order"), 2, 1, 0)], Int("axis", 1));
        }
        x = InputConventionNodes.Emit(g, path, x, classifier.InputScale, classifier.InputShift);
        x = context.EmitChild(classifier.Backbone, x, path, "backbone");
        if (classifier.Spatial)
        {
            x = g.Node("GlobalAveragePool", ExportContext.Join(path, "pool"), [x]);
            x = g.Node("Flatten", ExportContext.Join(path, "flatten"), [x], Int("axis", 1));
        }
        return context.EmitChild(classifier.Head, x, path, "head");
    }
}
