using static TorchSharp.torch;

namespace MelanomaExp.Models.Onnx;

/// <summary>Flatten, Reshape and Concat: the ops between a backbone's feature map and its classifier.</summary>
internal static class ShapeOps
{
    public static void Register(IDictionary<string, Func<OnnxNode, OnnxOp>> ops)
    {
        ops["Flatten"] = Flatten;
        ops["Reshape"] = Reshape;
        ops["Concat"] = node =>
        {
            var axis = node.Int("axis", 1);
            return new OnnxOp([.. node.Inputs.Where(n => n.Length > 0)], (x, _) => cat(x, axis));
        };
    }

    private static OnnxOp Flatten(OnnxNode node)
    {
        var axis = node.Int("axis", 1);
        return new OnnxOp(node.TensorInputs(0), (x, _) =>
        {
            var shape = x[0].shape;
            var at = axis < 0 ? axis + shape.Length : axis;
            var outer = shape.Take((int)at).Aggregate(1L, (a, b) => a * b);
            var inner = shape.Skip((int)at).Aggregate(1L, (a, b) => a * b);
            return x[0].reshape(outer, inner);
        });
    }

    private static OnnxOp Reshape(OnnxNode node)
    {
        // Opset 5 moved the shape from an attribute to an input; the importer needs it fixed by the graph.
        var target = node.Opset < 5
            ? node.Ints("shape") ?? throw node.Error("shape is required")
            : [.. (node.ConstantValues(1) ?? throw node.Error("the shape input is required")).Select(v => (long)v)];
        var allowZero = node.Int("allowzero", 0) != 0;
        return new OnnxOp(node.TensorInputs(0), (x, _) =>
        {
            // A 0 copies the input's size there (unless allowzero); -1 is left to torch to infer.
            var shape = target.Select((d, i) => d == 0 && !allowZero ? x[0].shape[i] : d).ToArray();
            return x[0].reshape(shape);
        });
    }
}
