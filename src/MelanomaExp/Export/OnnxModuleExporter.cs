using MelanomaExp.Models.Onnx;

namespace MelanomaExp.Export;

/// <summary>
/// An imported graph, written back: the nodes its forward runs, as the file has them (attributes and opset
/// unchanged), with every value renamed under the module's path and every tensor the module trains or updates taken
/// from the module, not the file. Values the graph fixes that the module holds no tensor for (a Reshape's shape, a
/// Constant node's value) are copied as initializers.
/// </summary>
internal sealed class OnnxModuleExporter : ModuleExporter<OnnxModule>
{
    protected override long? FixedOpset(OnnxModule module) => module.Graph.Opset;

    protected override string Emit(OnnxModule module, string input, string path, ExportContext context)
    {
        var g = context.Graph;
        var graph = module.Graph;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [module.InputName] = input };
        string Value(string name)
        {
            // An omitted optional input stays omitted.
            if (name.Length == 0)
            {
                return name;
            }
            if (values.TryGetValue(name, out var known))
            {
                return known;
            }
            if (!graph.Constants.TryGetValue(name, out var fixedValue))
            {
                throw ExportContext.Refuse(module, path, $"{graph.File}: value '{name}' is read before any node computes it");
            }
            var hint = ExportContext.Join(path, name);
            return values[name] = module.Current(name) is { } current ? g.Initializer(hint, current) : g.Copy(hint, fixedValue);
        }
        foreach (var node in module.Nodes)
        {
            var copy = node.Proto.Clone();
            for (var i = 0; i < copy.Input.Count; i++)
            {
                copy.Input[i] = Value(copy.Input[i]);
            }
            for (var i = 0; i < copy.Output.Count; i++)
            {
                if (copy.Output[i].Length > 0)
                {
                    copy.Output[i] = values[copy.Output[i]] = g.Unique(ExportContext.Join(path, copy.Output[i]));
                }
            }
            copy.Name = g.Unique(ExportContext.Join(path, node.Name));
            g.Add(copy);
        }
        return values[module.OutputName];
    }
}
