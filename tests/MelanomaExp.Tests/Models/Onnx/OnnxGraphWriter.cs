using Google.Protobuf;
using Onnx;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary>Writes small ONNX graphs for the importer's tests: float initializers with random values, one input, one output.</summary>
internal sealed class OnnxGraphWriter
{
    private readonly GraphProto _graph = new() { Name = "test" };
    private readonly Random _rng;
    private int _next;

    public OnnxGraphWriter(int seed) => _rng = new Random(seed);

    /// <summary>A float initializer of random values in [low, high) (a variance needs positive ones).</summary>
    public string Weight(string name, long[] dims, double low = -1, double high = 1)
    {
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(Enumerable.Range(0, (int)count).Select(_ => (float)(low + (high - low) * _rng.NextDouble())));
        _graph.Initializer.Add(tensor);
        return name;
    }

    public string Floats(string name, long[] dims, params float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>An int64 initializer written as raw bytes, the other encoding the importer reads.</summary>
    public string Int64s(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64, RawData = ByteString.CopyFrom([.. values.SelectMany(BitConverter.GetBytes)]) };
        tensor.Dims.Add(values.Length);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node; its output is a fresh name, returned.</summary>
    public string Node(string op, string[] inputs, params AttributeProto[] attributes) => NamedNode(op, $"{op.ToLowerInvariant()}_{_next}", inputs, attributes);

    public string NamedNode(string op, string name, string[] inputs, params AttributeProto[] attributes)
    {
        var output = $"v{_next++}";
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    // The exporter's attribute makers: the tests write graphs with the same attributes the tool writes.
    public static AttributeProto Ints(string name, params long[] values) => MelanomaExp.Export.OnnxGraphBuilder.Ints(name, values);

    public static AttributeProto Int(string name, long value) => MelanomaExp.Export.OnnxGraphBuilder.Int(name, value);

    public static AttributeProto Float(string name, float value) => MelanomaExp.Export.OnnxGraphBuilder.Float(name, value);

    public ModelProto Model(string input, long[] inputDims, string output, long opset = 13)
    {
        _graph.Input.Add(Value(input, inputDims));
        _graph.Output.Add(Value(output, null));
        var model = new ModelProto { IrVersion = 8, ProducerName = "melanoma-exp tests", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    private static ValueInfoProto Value(string name, long[]? dims)
    {
        var type = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float };
        if (dims is not null)
        {
            type.Shape = new TensorShapeProto();
            type.Shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = type } };
    }
}
