using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>
/// Writes one module type's eval-mode forward as ONNX nodes. To make a new module exportable, implement
/// <see cref="ModuleExporter{TModule}"/> in one file here and list it in <see cref="ModuleExporters.BuiltIn"/>; a
/// module without one is refused, by name.
/// </summary>
internal interface IModuleExporter
{
    /// <summary>The exact module type it writes (a subclass is another module and needs its own).</summary>
    Type ModuleType { get; }

    /// <summary>
    /// The opset the module's nodes must be written for, or null when it can be written for any the graph picks: an
    /// imported graph's nodes keep the opset they were written for, since several ops changed their attributes.
    /// </summary>
    long? FixedOpset(Module<Tensor, Tensor> module) => null;

    /// <summary>Adds the module's nodes reading the value <paramref name="input"/>; returns the value they compute.</summary>
    /// <param name="path">The module's place in the model (e.g. <c>inner.features.stage1_block1</c>): names its nodes and errors.</param>
    string Emit(Module<Tensor, Tensor> module, string input, string path, ExportContext context);
}

/// <summary>An exporter for modules of type <typeparamref name="TModule"/>.</summary>
internal abstract class ModuleExporter<TModule> : IModuleExporter
    where TModule : Module<Tensor, Tensor>
{
    public Type ModuleType => typeof(TModule);

    public long? FixedOpset(Module<Tensor, Tensor> module) => FixedOpset((TModule)module);

    public string Emit(Module<Tensor, Tensor> module, string input, string path, ExportContext context) => Emit((TModule)module, input, path, context);

    protected virtual long? FixedOpset(TModule module) => null;

    protected abstract string Emit(TModule module, string input, string path, ExportContext context);
}
