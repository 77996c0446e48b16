using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace MelanomaExp.Export;

/// <summary>
/// The graph an export writes: nodes, initializers holding the module's current weights, and names that are unique
/// across both (every name is minted here, imported ones too, so a re-emitted graph cannot collide with the nodes
/// around it). Ops whose signature changed between opsets are written for <see cref="Opset"/>.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(long opset) => Opset = opset;

    /// <summary>The opset of the default domain the graph is written for.</summary>
    public long Opset { get; }

    public GraphProto Graph { get; } = new();

    /// <summary><paramref name="hint"/> when no value, initializer or node has that name yet, else hint_2, hint_3...</summary>
    public string Unique(string hint)
    {
        var candidate = hint;
        for (var i = 2; !_names.Add(candidate); i++)
        {
            candidate = $"{hint}_{i}";
        }
        return candidate;
    }

    /// <summary>A float32 initializer with the tensor's current values (read on the CPU, as the module holds them).</summary>
    public string Initializer(string hint, Tensor value)
    {
        using var cpu = value.detach().to(ScalarType.Float32, CPU).contiguous();
        return Floats(hint, cpu.data<float>().ToArray(), cpu.shape);
    }

    public string Floats(string hint, float[] values, long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A float scalar (shape []), the operand of a broadcasting op.</summary>
    public string Scalar(string hint, float value) => Floats(hint, [value], []);

    public string Int64s(string hint, params long[] values)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)TensorProto.Types.DataType.Int64, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.Add(values.Length);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>An initializer copied from another graph under a fresh name (the values an imported graph fixes, such as a Reshape's shape).</summary>
    public string Copy(string hint, TensorProto tensor)
    {
        var copy = tensor.Clone();
        copy.Name = Unique(hint);
        Graph.Initializer.Add(copy);
        return copy.Name;
    }

    /// <summary>Adds a node named <paramref name="name"/> (made unique); returns its one output, named after it.</summary>
    public string Node(string op, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        // A module at the root of the export has no path: its node is named by its op.
        var node = new NodeProto { OpType = op, Name = Unique(name.Length > 0 ? name : op) };
        node.Input.AddRange(inputs);
        node.Output.Add(Unique($"{node.Name}_output"));
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>Adds a node whose names the caller minted with <see cref="Unique"/> (a copied one).</summary>
    public void Add(NodeProto node) => Graph.Node.Add(node);

    /// <summary>Clamps to [min, max] (an infinite bound is none): Clip's bounds were attributes until opset 11 and are inputs since.</summary>
    public string Clip(string name, string input, float min, float max)
    {
        if (Opset < 11)
        {
            List<AttributeProto> bounds = [];
            if (float.IsFinite(min))
            {
                bounds.Add(Float("min", min));
            }
            if (float.IsFinite(max))
            {
                bounds.Add(Float("max", max));
            }
            return Node("Clip", name, [input], [.. bounds]);
        }
        var low = float.IsFinite(min) ? Scalar($"{name}_min", min) : "";
        var high = float.IsFinite(max) ? Scalar($"{name}_max", max) : "";
        return Node("Clip", name, high.Length > 0 ? [input, low, high] : [input, low]);
    }

    /// <summary>Sums over <paramref name="axes"/>, keeping them as size 1: the axes were an attribute until opset 13 and are an input since.</summary>
    public string ReduceSumKeepingDims(string name, string input, params long[] axes) =>
        Opset < 13
            ? Node("ReduceSum", name, [input], Ints("axes", axes), Int("keepdims", 1))
            : Node("ReduceSum", name, [input, Int64s($"{name}_axes", axes)], Int("keepdims", 1));

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
