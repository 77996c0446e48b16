using System.Globalization;
using System.Text.Json;
using MelanomaExp.Models;
using Onnx;
using static MelanomaExp.Export.OnnxGraphBuilder;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Export;

/// <summary>
/// A saved model's eval-mode forward as an ONNX model: fp32, batch norm with its running statistics, dropout left out,
/// whatever preprocessing the model applies inside written into the graph, and a Softmax at the end, so the graph maps
/// the pixels <c>predict</c> feeds the model to the class probabilities it reports. The class names and the card's
/// facts are in the model's metadata_props.
/// </summary>
internal static class OnnxExporter
{
    public const string Producer = "melanoma-exp";

    public const string InputName = "image";

    public const string OutputName = "probabilities";

    /// <summary>The opset of graphs written from scratch: ONNX Runtime and ML.NET's ONNX transformer have run it for years.</summary>
    public const long DefaultOpset = 13;

    /// <summary>The oldest opset written: the nodes around an imported graph rely on numpy-style broadcasting (opset 7).</summary>
    public const long MinimumOpset = 7;

    /// <summary>IR version 8 (ONNX 1.10): initializers need not be listed as graph inputs.</summary>
    private const long IrVersion = 8;

    public static ModelProto Export(Module<Tensor, Tensor> model, ModelCard card, IEnumerable<IModuleExporter>? exporters = null)
    {
        var registered = (exporters ?? ModuleExporters.BuiltIn).ToList();
        var g = new OnnxGraphBuilder(Opset(model, registered));
        var input = g.Unique(InputName);
        var output = g.Unique(OutputName);
        var logits = new ExportContext(g, registered).Emit(model, input, "");
        // Axis 1 of (N, classes): the same under the 2-D coercion Softmax had before opset 13 and the single axis since.
        var softmax = new NodeProto { OpType = "Softmax", Name = g.Unique("softmax") };
        softmax.Input.Add(logits);
        softmax.Output.Add(output);
        softmax.Attribute.Add(Int("axis", 1));
        g.Add(softmax);

        var graph = g.Graph;
        graph.Name = $"{card.Experiment}/{card.Step}";
        graph.DocString = Contract(card);
        graph.Input.Add(Value(input, [null, 3, card.ImageHeight, card.ImageWidth]));
        graph.Output.Add(Value(output, [null, card.Classes.Count]));
        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = Producer,
            ProducerVersion = ToolVersion.Current,
            DocString = Contract(card),
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = g.Opset });
        foreach (var (key, value) in Metadata(card))
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        return proto;
    }

    /// <summary>What the graph takes and gives, for its doc string, the metadata and the docs.</summary>
    public static string Contract(ModelCard card)
    {
        var (h, w, classes) = (card.ImageHeight, card.ImageWidth, card.Classes.Count);
        return string.Create(CultureInfo.InvariantCulture, $"Input '{InputName}': float32 (N, 3, {h}, {w}), NCHW, RGB channel order, pixel values 0..255 ") +
            string.Create(CultureInfo.InvariantCulture, $"(the image decoded, EXIF-oriented, stretched to {w}x{h} with a bilinear filter: what melanoma-exp predict feeds the model); ") +
            "the graph applies the model's own scaling, channel order, mean and any colour constancy or standardisation itself. " +
            string.Create(CultureInfo.InvariantCulture, $"Output '{OutputName}': float32 (N, {classes}), softmax probabilities of the classes in metadata 'classes', in that order.");
    }

    /// <summary>The model's metadata_props: the class names (a JSON array) first, then what the card says about the model.</summary>
    public static IEnumerable<(string Key, string Value)> Metadata(ModelCard card)
    {
        yield return ("classes", JsonSerializer.Serialize(card.Classes));
        if (card.PositiveClass is { } positive)
        {
            yield return ("positive_class", positive);
        }
        if (card.Threshold is { } threshold)
        {
            yield return ("threshold", threshold.ToString("R", CultureInfo.InvariantCulture));
        }
        yield return ("input", Contract(card));
        yield return ("arch", card.Arch);
        yield return ("model_input", card.Input);
        yield return ("preprocess", Preprocess(card));
        yield return ("image_height", card.ImageHeight.ToString(CultureInfo.InvariantCulture));
        yield return ("image_width", card.ImageWidth.ToString(CultureInfo.InvariantCulture));
        yield return ("experiment", card.Experiment);
        yield return ("experiment_hash", card.ExperimentHash);
        yield return ("step", card.Step);
        yield return ("trained_with", card.ToolVersion);
    }

    private static string Preprocess(ModelCard card)
    {
        List<string> steps = [];
        if (card.ColourConstancy > 0)
        {
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"Shades of Gray colour constancy (p = {card.ColourConstancy})"));
        }
        if (card.Standardize)
        {
            steps.Add("per-channel standardisation by the training images' mean and deviation");
        }
        return steps.Count == 0 ? "none" : $"{string.Join(", then ", steps)}, in the graph";
    }

    /// <summary>
    /// The one opset the modules' nodes can be written for: an imported graph's own (its nodes are copied as they are),
    /// else <see cref="DefaultOpset"/>.
    /// </summary>
    private static long Opset(Module<Tensor, Tensor> model, IReadOnlyList<IModuleExporter> exporters)
    {
        var byType = exporters.ToDictionary(e => e.ModuleType);
        var fixedOpsets = new[] { model }.Concat(model.modules().OfType<Module<Tensor, Tensor>>())
            .Select(m => byType.GetValueOrDefault(m.GetType())?.FixedOpset(m))
            .OfType<long>()
            .Distinct()
            .ToList();
        return fixedOpsets switch
        {
            [] => DefaultOpset,
            [< MinimumOpset and var old] => throw new BadInputException($"the imported graph is written for opset {old}; export needs opset {MinimumOpset} or later (convert the graph first, e.g. with onnx's version_converter)"),
            [var one] => one,
            _ => throw new BadInputException($"the model holds imported graphs of different opsets ({string.Join(", ", fixedOpsets)}), which one ONNX graph cannot mix"),
        };
    }

    private static ValueInfoProto Value(string name, long?[] dims)
    {
        var shape = new TensorShapeProto();
        // A null dimension is the batch: any size.
        shape.Dim.AddRange(dims.Select(d => d is { } size ? new TensorShapeProto.Types.Dimension { DimValue = size } : new TensorShapeProto.Types.Dimension { DimParam = "N" }));
        var type = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = type } };
    }
}
