using Onnx;
using static TorchSharp.torch;

namespace MelanomaExp.Models.Onnx;

/// <summary>
/// One graph node as an op family reads it: typed attributes with ONNX's defaults, the values the graph fixes at
/// import (initializers and Constant outputs an op needs as numbers, e.g. a Reshape's shape), and errors that name the
/// file, the op and the node, because a user who exported the graph can find the node only by those.
/// </summary>
internal sealed class OnnxNode
{
    private readonly NodeProto _proto;
    private readonly OnnxGraph _graph;

    public OnnxNode(NodeProto proto, int index, OnnxGraph graph)
    {
        _proto = proto;
        _graph = graph;
        // Exporters may leave names empty (the package's own preprocessing graph does); the first output names it then.
        Name = proto.Name.Length > 0 ? proto.Name : $"#{index} ({string.Join(", ", proto.Output)})";
    }

    public string OpType => _proto.OpType;

    /// <summary>The node as the file has it (ONNX export copies it, renaming its values).</summary>
    public NodeProto Proto => _proto;

    public string Name { get; }

    /// <summary>The opset of the default domain the graph was written for (attributes moved to inputs over the versions).</summary>
    public long Opset => _graph.Opset;

    /// <summary>Input names as written; an omitted optional input is the empty string.</summary>
    public IReadOnlyList<string> Inputs => _proto.Input;

    public string Output(int index) => index < _proto.Output.Count ? _proto.Output[index] : "";

    public string Input(int index) => index < _proto.Input.Count ? _proto.Input[index] : "";

    public BadInputException Error(string problem) => new($"{_graph.File}: ONNX node '{Name}' ({OpType}): {problem}");

    public long Int(string name, long fallback) => Find(name) is { } a ? a.I : fallback;

    public float Float(string name, float fallback) => Find(name) is { } a ? a.F : fallback;

    public string String(string name, string fallback) => Find(name) is { } a ? a.S.ToStringUtf8() : fallback;

    public long[]? Ints(string name) => Find(name) is { } a ? [.. a.Ints] : null;

    /// <summary>A 2-D spatial attribute (strides, dilations), with ONNX's default of ones; other ranks are refused.</summary>
    public long[] Pair(string name)
    {
        var values = Ints(name) ?? [1, 1];
        return values.Length == 2 ? values : throw Error($"{name} has {values.Length} values; only 2-D (NCHW) is supported");
    }

    /// <summary>Pads as torch wants them: (left, right, top, bottom) from ONNX's (top, left, bottom, right).</summary>
    public long[] Pads()
    {
        var autoPad = String("auto_pad", "NOTSET");
        if (autoPad is not ("NOTSET" or "VALID"))
        {
            throw Error($"auto_pad {autoPad} is not supported (re-export with explicit pads)");
        }
        var pads = autoPad == "VALID" ? null : Ints("pads");
        if (pads is null)
        {
            return [0, 0, 0, 0];
        }
        return pads.Length == 4 ? [pads[1], pads[3], pads[0], pads[2]] : throw Error($"pads has {pads.Length} values; only 2-D (NCHW) is supported");
    }

    /// <summary>A value the graph fixes (initializer or Constant) that the op reads as numbers at import; null when the input is omitted.</summary>
    public double[]? ConstantValues(int index)
    {
        var name = Input(index);
        if (name.Length == 0)
        {
            return null;
        }
        return _graph.ConstantValues(name) ?? throw Error($"input '{name}' must be an initializer or a Constant (it is computed at run time)");
    }

    /// <summary>The runtime tensor inputs an op takes, omitted optional ones left out (the op knows which it has by count).</summary>
    public string[] TensorInputs(params int[] indices) => [.. indices.Select(Input).Where(n => n.Length > 0)];

    private AttributeProto? Find(string name) => _proto.Attribute.FirstOrDefault(a => a.Name == name);
}

/// <summary>What an op family makes of a node: the tensors it reads at run time and the function that computes its output.</summary>
/// <param name="Inputs">Names of the runtime inputs, in the order <paramref name="Run"/> receives them.</param>
/// <param name="Run">The output from the inputs; the flag is the module's training mode.</param>
/// <param name="Statistics">Inputs that are running statistics (buffers, not trained by the optimiser).</param>
/// <param name="Float32">Runs in float32 under mixed precision, as autocast runs batch normalisation (its statistics lose too much in 8 mantissa bits).</param>
internal sealed record OnnxOp(string[] Inputs, Func<Tensor[], bool, Tensor> Run, string[]? Statistics = null, bool Float32 = false);
