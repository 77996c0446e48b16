using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanomaExp.Models.Onnx;

/// <summary>Relu, Clip (Relu6 is Clip 0..6), the broadcasting arithmetic of residual connections, and pass-throughs.</summary>
internal static class ElementwiseOps
{
    public static void Register(IDictionary<string, Func<OnnxNode, OnnxOp>> ops)
    {
        ops["Relu"] = node => new OnnxOp(node.TensorInputs(0), (x, _) => F.relu(x[0]));
        ops["Clip"] = Clip;
        ops["Add"] = node => new OnnxOp(node.TensorInputs(0, 1), (x, _) => x[0].add(x[1]));
        ops["Sub"] = node => new OnnxOp(node.TensorInputs(0, 1), (x, _) => x[0].sub(x[1]));
        ops["Mul"] = node => new OnnxOp(node.TensorInputs(0, 1), (x, _) => x[0].mul(x[1]));
        ops["Identity"] = node => new OnnxOp(node.TensorInputs(0), (x, _) => x[0].alias());
        // An exported inference graph's Dropout passes its input on; the new head brings its own dropout (model.dropout).
        ops["Dropout"] = node => new OnnxOp(node.TensorInputs(0), (x, _) => x[0].alias());
    }

    private static OnnxOp Clip(OnnxNode node)
    {
        // Opset 11 moved the bounds from attributes to (optional) inputs.
        double min, max;
        if (node.Opset < 11)
        {
            min = node.Float("min", float.NegativeInfinity);
            max = node.Float("max", float.PositiveInfinity);
        }
        else
        {
            min = node.ConstantValues(1) is { Length: 1 } low ? low[0] : double.NegativeInfinity;
            max = node.ConstantValues(2) is { Length: 1 } high ? high[0] : double.PositiveInfinity;
        }
        return new OnnxOp(node.TensorInputs(0), (x, _) => x[0].clamp(min, max));
    }
}
