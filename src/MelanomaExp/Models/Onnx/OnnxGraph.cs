using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace MelanomaExp.Models.Onnx;

/// <summary>
/// An ONNX file read for import: its nodes in an order that computes every input before it is used, the initializers
/// and Constant values by name, and the one image input and one output. Problems are <see cref="BadInputException"/>s
/// naming the file (exit 2 from the CLI).
/// </summary>
internal sealed class OnnxGraph
{
    private readonly Dictionary<string, TensorProto> _constants = new(StringComparer.Ordinal);

    public OnnxGraph(ModelProto model, string file)
    {
        File = file;
        var graph = model.Graph ?? throw new BadInputException($"{file}: the ONNX model has no graph");
        Opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();
        foreach (var initializer in graph.Initializer)
        {
            _constants[initializer.Name] = initializer;
        }
        var nodes = new List<NodeProto>();
        foreach (var node in graph.Node)
        {
            // A Constant is a value the graph fixes, as an initializer is; it is no step of the forward.
            if (node.OpType == "Constant" && node.Domain is ("" or "ai.onnx") && node.Attribute.FirstOrDefault(a => a.Name == "value") is { T: { } value })
            {
                _constants[node.Output[0]] = value;
            }
            else
            {
                nodes.Add(node);
            }
        }
        // IR 3 files (this package's ResNet-18 among them) list initializers among the inputs too; the image is the one that is not.
        var inputs = graph.Input.Select(i => i.Name).Where(n => !_constants.ContainsKey(n)).ToList();
        if (inputs.Count != 1 || graph.Output.Count != 1)
        {
            throw new BadInputException($"{file}: expected one image input and one output, found inputs [{string.Join(", ", inputs)}] and outputs [{string.Join(", ", graph.Output.Select(o => o.Name))}]");
        }
        InputName = inputs[0];
        OutputName = graph.Output[0].Name;
        Nodes = Sort(nodes);
    }

    public string File { get; }

    public long Opset { get; }

    public string InputName { get; }

    public string OutputName { get; }

    /// <summary>The nodes in topological order (the file's order where it allows, as exporters write them so).</summary>
    public IReadOnlyList<OnnxNode> Nodes { get; }

    public IReadOnlyDictionary<string, TensorProto> Constants => _constants;

    /// <summary>Reads a .onnx file; a file that is not one is bad input, not a crash.</summary>
    public static OnnxGraph Read(string file)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(System.IO.File.ReadAllBytes(file));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new BadInputException($"{file}: not an ONNX model: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new BadInputException($"{file}: cannot read: {e.Message}", e);
        }
        return new OnnxGraph(model, file);
    }

    public double[]? ConstantValues(string name) =>
        _constants.TryGetValue(name, out var tensor) ? Doubles(tensor) : null;

    /// <summary>A float tensor's values and shape (the weights); integer ones are widened, since graphs keep only small index tensors so.</summary>
    public (float[] Values, long[] Shape) Floats(string name)
    {
        var tensor = _constants[name];
        var shape = tensor.Dims.ToArray();
        Local(tensor, name);
        if (tensor.DataType == (int)TensorProto.Types.DataType.Float)
        {
            if (!tensor.RawData.IsEmpty)
            {
                return (MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray(), shape);
            }
            var values = new float[tensor.FloatData.Count];
            tensor.FloatData.CopyTo(values, 0);
            return (values, shape);
        }
        return ([.. Doubles(tensor).Select(v => (float)v)], shape);
    }

    private double[] Doubles(TensorProto tensor)
    {
        Local(tensor, tensor.Name);
        var raw = tensor.RawData.Span;
        return (TensorProto.Types.DataType)tensor.DataType switch
        {
            TensorProto.Types.DataType.Float => raw.IsEmpty ? [.. tensor.FloatData.Select(v => (double)v)] : [.. MemoryMarshal.Cast<byte, float>(raw).ToArray().Select(v => (double)v)],
            TensorProto.Types.DataType.Double => raw.IsEmpty ? [.. tensor.DoubleData] : MemoryMarshal.Cast<byte, double>(raw).ToArray(),
            TensorProto.Types.DataType.Int64 => raw.IsEmpty ? [.. tensor.Int64Data.Select(v => (double)v)] : [.. MemoryMarshal.Cast<byte, long>(raw).ToArray().Select(v => (double)v)],
            TensorProto.Types.DataType.Int32 => raw.IsEmpty ? [.. tensor.Int32Data.Select(v => (double)v)] : [.. MemoryMarshal.Cast<byte, int>(raw).ToArray().Select(v => (double)v)],
            var other => throw new BadInputException($"{File}: tensor '{tensor.Name}' has data type {other}; the importer reads float, double, int64 and int32"),
        };
    }

    private void Local(TensorProto tensor, string name)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new BadInputException($"{File}: tensor '{name}' keeps its data in an external file, which the importer does not read (save the model with its data inside)");
        }
    }

    private List<OnnxNode> Sort(List<NodeProto> nodes)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var output in nodes[i].Output.Where(o => o.Length > 0))
            {
                if (!producer.TryAdd(output, i) || _constants.ContainsKey(output) || output == InputName)
                {
                    throw new BadInputException($"{File}: value '{output}' is produced twice");
                }
            }
        }
        var waiting = new int[nodes.Count];
        var users = nodes.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var input in nodes[i].Input.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (producer.TryGetValue(input, out var from))
                {
                    waiting[i]++;
                    users[from].Add(i);
                }
                else if (!_constants.ContainsKey(input) && input != InputName)
                {
                    throw new BadInputException($"{File}: node '{nodes[i].Name}' ({nodes[i].OpType}) reads '{input}', which no node, initializer or input provides");
                }
            }
        }
        // Kahn's algorithm taking the lowest ready index first, so a file already in order keeps its order.
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (waiting[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }
        var order = new List<OnnxNode>(nodes.Count);
        while (ready.TryDequeue(out var i, out _))
        {
            order.Add(new OnnxNode(nodes[i], i, this));
            foreach (var user in users[i])
            {
                if (--waiting[user] == 0)
                {
                    ready.Enqueue(user, user);
                }
            }
        }
        if (order.Count != nodes.Count)
        {
            throw new BadInputException($"{File}: the graph has a cycle (nodes that wait on each other)");
        }
        return order;
    }
}
