namespace MelanomaExp.Models.Onnx;

/// <summary>The ops the importer knows, by ONNX op type; each family registers its own in its file.</summary>
internal static class OnnxOps
{
    public static readonly IReadOnlyDictionary<string, Func<OnnxNode, OnnxOp>> Supported = Build();

    private static Dictionary<string, Func<OnnxNode, OnnxOp>> Build()
    {
        var ops = new Dictionary<string, Func<OnnxNode, OnnxOp>>(StringComparer.Ordinal);
        ConvOps.Register(ops);
        NormalizationOps.Register(ops);
        PoolingOps.Register(ops);
        ElementwiseOps.Register(ops);
        ShapeOps.Register(ops);
        return ops;
    }
}
