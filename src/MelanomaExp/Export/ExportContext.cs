using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>One export in progress: the graph being written, and the exporters a module's children are written with.</summary>
internal sealed class ExportContext
{
    private readonly IReadOnlyDictionary<Type, IModuleExporter> _exporters;

    public ExportContext(OnnxGraphBuilder graph, IEnumerable<IModuleExporter> exporters)
    {
        Graph = graph;
        _exporters = exporters.ToDictionary(e => e.ModuleType);
    }

    public OnnxGraphBuilder Graph { get; }

    /// <summary>Writes <paramref name="module"/> (at <paramref name="path"/>) reading <paramref name="input"/>; returns its output value.</summary>
    public string Emit(Module<Tensor, Tensor> module, string input, string path) => Exporter(module, path).Emit(module, input, path, this);

    /// <summary>Writes the child named <paramref name="name"/> of the module at <paramref name="path"/>.</summary>
    public string EmitChild(Module<Tensor, Tensor> child, string input, string path, string name) => Emit(child, input, Join(path, name));

    /// <summary>The exporter of the module's exact type, or the refusal naming the module and the types that can be exported.</summary>
    public IModuleExporter Exporter(Module<Tensor, Tensor> module, string path) =>
        Find(module) ?? throw Refuse(module, path, $"no ONNX exporter for module type {module.GetType().Name} (exportable: {string.Join(", ", _exporters.Keys.Select(t => t.Name).Order(StringComparer.Ordinal))})");

    public IModuleExporter? Find(Module<Tensor, Tensor> module) => _exporters.GetValueOrDefault(module.GetType());

    /// <summary>Why the module at <paramref name="path"/> cannot be written, as the one line the CLI prints.</summary>
    public static BadInputException Refuse(Module<Tensor, Tensor> module, string path, string why) =>
        new($"module '{(path.Length > 0 ? path : module.GetName())}' ({module.GetType().Name}) cannot be exported: {why}");

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
