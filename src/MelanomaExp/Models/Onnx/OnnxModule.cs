using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Models.Onnx;

/// <summary>
/// An imported ONNX graph as a trainable module: every float initializer a node reads is a registered parameter
/// (trained, saved with the weights), BatchNormalization's running mean and variance are registered buffers, and the
/// forward runs the nodes in topological order. Which tensor a node reads is looked up by name on each forward, as
/// moving the module to a device replaces the parameter tensors.
/// </summary>
internal sealed class OnnxModule : nn.Module<Tensor, Tensor>
{
    private readonly (string Onnx, string Torch, bool Trained)[] _tensors;
    private readonly (OnnxOp Op, string Output, string Node)[] _steps;

    // Per step: BatchNormalization there uses its running statistics even while the module trains (train.freeze, train.batch_norm).
    private readonly bool[] _fixedStatistics;
    private readonly string _input;
    private readonly string _output;
    private readonly OnnxNode[] _nodes;

    /// <param name="graph">The graph read from its file.</param>
    /// <param name="output">The value the forward returns: the graph's output, or an inner one (a backbone cut before its last pooling).</param>
    public OnnxModule(OnnxGraph graph, string? output = null)
        : base("onnx")
    {
        _input = graph.InputName;
        _output = output ?? graph.OutputName;
        Graph = graph;
        var steps = new List<(OnnxOp, string, string)>();
        var nodes = new List<OnnxNode>();
        var statistics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (!OnnxOps.Supported.TryGetValue(node.OpType, out var make))
            {
                throw new BadInputException($"{graph.File}: unsupported ONNX op '{node.OpType}' at node '{node.Name}' (supported: {string.Join(", ", OnnxOps.Supported.Keys.Order(StringComparer.Ordinal))})");
            }
            var op = make(node);
            steps.Add((op, node.Output(0), node.Name));
            nodes.Add(node);
            statistics.UnionWith(op.Statistics ?? []);
            if (node.Output(0) == _output)
            {
                // Nodes after the chosen output are not needed (a cut backbone leaves its old head out).
                break;
            }
        }
        _steps = [.. steps];
        _nodes = [.. nodes];
        if (!_steps.Any(s => s.Output == _output) && _output != _input)
        {
            throw new BadInputException($"{graph.File}: no node computes '{_output}'");
        }
        var used = _steps.SelectMany(s => s.Op.Inputs).Where(graph.Constants.ContainsKey).Distinct(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tensors = new List<(string, string, bool)>();
        foreach (var name in used)
        {
            var torchName = Unique(TorchName(name), names);
            var (values, shape) = graph.Floats(name);
            var value = tensor(values, shape);
            var trained = !statistics.Contains(name);
            if (trained)
            {
                register_parameter(torchName, new TorchSharp.Modules.Parameter(value));
            }
            else
            {
                register_buffer(torchName, value);
            }
            tensors.Add((name, torchName, trained));
        }
        _tensors = [.. tensors];
        _fixedStatistics = new bool[_steps.Length];
    }

    /// <summary>The nodes the module runs, in order, by name (or by their first output when unnamed): the places <c>train.freeze</c> may name.</summary>
    public IEnumerable<string> NodeNames => _steps.Select(s => NodeName(s.Node, s.Output));

    /// <summary><see cref="NodeNames"/> of the module that would compute <paramref name="output"/> of <paramref name="graph"/>, read without building it.</summary>
    public static IReadOnlyList<string> NodeNamesOf(OnnxGraph graph, string output)
    {
        var names = new List<string>();
        foreach (var node in graph.Nodes)
        {
            names.Add(NodeName(node.Name, node.Output(0)));
            if (node.Output(0) == output)
            {
                break;
            }
        }
        return names;
    }

    private static string NodeName(string node, string output) => node.Length > 0 ? node : output;

    /// <summary>
    /// Fixes the parameters of every node up to and including <paramref name="throughNode"/> (null: all nodes) and
    /// makes their batch normalisation use its running statistics, as Keras does for a layer that is not trainable.
    /// </summary>
    /// <returns>How many parameter tensors were fixed.</returns>
    public int FixParameters(string? throughNode)
    {
        var last = _steps.Length - 1;
        if (throughNode is not null)
        {
            last = Array.FindIndex(_steps, s => NodeName(s.Node, s.Output) == throughNode);
            if (last < 0)
            {
                throw new BadInputException($"train.freeze: the backbone has no node '{throughNode}'");
            }
        }
        var frozenInputs = new HashSet<string>(_steps.Take(last + 1).SelectMany(s => s.Op.Inputs), StringComparer.Ordinal);
        var fixedCount = 0;
        foreach (var (onnx, torchName, trained) in _tensors)
        {
            if (trained && frozenInputs.Contains(onnx))
            {
                get_parameter(torchName)!.requires_grad = false;
                fixedCount++;
            }
        }
        Array.Fill(_fixedStatistics, true, 0, last + 1);
        return fixedCount;
    }

    /// <summary>Every batch normalisation uses its running statistics and keeps them (<c>batch_norm: frozen</c>).</summary>
    public void FixStatistics() => Array.Fill(_fixedStatistics, true);

    /// <summary>
    /// Whether the output is a fixed function of the input while training: no parameter learns and every node runs as
    /// in evaluation (batch normalisation on running statistics; the graph's Dropout passes its input on). Then the
    /// output can be computed once per image.
    /// </summary>
    public bool Fixed => _fixedStatistics.All(f => f) && parameters().All(p => !p.requires_grad);
    /// <summary>The graph it was imported from: what ONNX export re-emits, with the module's current weights.</summary>
    public OnnxGraph Graph { get; }

    /// <summary>The nodes the forward runs, in its order (those after a cut output left out).</summary>
    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    /// <summary>The graph value the forward takes: the image (in the backbone's input convention).</summary>
    public string InputName => _input;

    /// <summary>The graph value the forward returns.</summary>
    public string OutputName => _output;

    /// <summary>
    /// The module's current value of the graph tensor <paramref name="onnx"/> (a trained parameter or a batch-norm
    /// statistic), or null when the forward does not hold it as a tensor (a value an op read as numbers at import,
    /// such as a Reshape's shape, which the graph still has).
    /// </summary>
    public Tensor? Current(string onnx)
    {
        foreach (var (name, torchName, trained) in _tensors)
        {
            if (name == onnx)
            {
                return trained ? get_parameter(torchName)! : get_buffer(torchName)!;
            }
        }
        return null;
    }

    /// <summary>Imports a file whole: the module computes the graph's own output.</summary>
    public static OnnxModule Import(string file) => new(OnnxGraph.Read(file));

    /// <summary>
    /// Null: float32 throughout. BFloat16 or Float16: mixed precision as <see cref="MixedPrecision"/> runs the seed CNN
    /// (TorchSharp has no autocast): the nodes compute in that type on cast copies of the float32 weights, made once
    /// per forward inside the autograd graph, so gradients reach the float32 master weights; batch normalisation runs
    /// in float32 on its float32 statistics; the output comes back as float32.
    /// </summary>
    public ScalarType? ComputeType { get; set; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var reduced = ComputeType;
        var values = new Dictionary<string, Tensor>(_tensors.Length + _steps.Length + 1, StringComparer.Ordinal) { [_input] = reduced is { } t ? input.to(t) : input };
        var masters = new Dictionary<string, Tensor>(_tensors.Length, StringComparer.Ordinal);
        foreach (var (onnx, torchName, trained) in _tensors)
        {
            masters[onnx] = trained ? get_parameter(torchName)! : get_buffer(torchName)!;
        }
        // Under mixed precision the weights are read through cast copies, made when a node first asks for them.
        var casts = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        Tensor Read(string name, bool float32)
        {
            if (!masters.TryGetValue(name, out var master))
            {
                // An activation: in the reduced type under mixed precision, widened for a float32 op.
                return float32 && values[name].dtype != ScalarType.Float32 ? values[name].to(ScalarType.Float32) : values[name];
            }
            if (reduced is not { } type || float32)
            {
                return master;
            }
            return casts.TryGetValue(name, out var cast) ? cast : casts[name] = master.to(type);
        }
        for (var s = 0; s < _steps.Length; s++)
        {
            var (op, output, _) = _steps[s];
            var inputs = new Tensor[op.Inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = Read(op.Inputs[i], reduced is not null && op.Float32);
            }
            // Only batch normalisation reads the flag (the graph's Dropout passes its input on).
            var result = op.Run(inputs, training && !_fixedStatistics[s]);
            values[output] = reduced is { } back && op.Float32 ? result.to(back) : result;
        }
        var answer = values[_output];
        return (reduced is null || answer.dtype == ScalarType.Float32 ? answer : answer.to(ScalarType.Float32)).MoveToOuterDisposeScope();
    }

    /// <summary>A torch name for an ONNX one: torch joins module paths with '.', so other characters become '_'.</summary>
    private static string TorchName(string onnx)
    {
        var name = new StringBuilder(onnx.Length + 1);
        foreach (var c in onnx)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, 't');
        }
        return name.ToString();
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }
        return candidate;
    }
}
