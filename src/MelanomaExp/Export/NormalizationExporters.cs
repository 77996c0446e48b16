using TorchSharp.Modules;
using static MelanomaExp.Export.OnnxGraphBuilder;
using static TorchSharp.torch;

namespace MelanomaExp.Export;

/// <summary>BatchNorm2d in eval mode: BatchNormalization with the running mean and variance.</summary>
internal sealed class BatchNorm2dExporter : ModuleExporter<BatchNorm2d>
{
    protected override string Emit(BatchNorm2d norm, string input, string path, ExportContext context)
    {
        if (norm.running_mean is not { } mean || norm.running_var is not { } variance)
        {
            // Without running statistics torch normalises by each batch's own, even in eval mode; an inference graph cannot.
            throw ExportContext.Refuse(norm, path, "it keeps no running statistics (track_running_stats=false)");
        }
        var g = context.Graph;
        var channels = norm.num_features;
        var scale = norm.weight is { } w ? g.Initializer(ExportContext.Join(path, "weight"), w) : g.Floats(ExportContext.Join(path, "weight"), Enumerable.Repeat(1f, (int)channels).ToArray(), [channels]);
        var shift = norm.bias is { } b ? g.Initializer(ExportContext.Join(path, "bias"), b) : g.Floats(ExportContext.Join(path, "bias"), new float[channels], [channels]);
        // No spatial attribute: 1 (per channel) is its default where it exists (opsets 7 and 8), and later opsets dropped it.
        return g.Node(
            "BatchNormalization",
            path,
            [input, scale, shift, g.Initializer(ExportContext.Join(path, "running_mean"), mean), g.Initializer(ExportContext.Join(path, "running_var"), variance)],
            Float("epsilon", (float)norm.eps));
    }
}
