using Google.Protobuf;
using MelanomaExp.Models;
using MelanomaExp.Safety;
using Onnx;

namespace MelanomaExp.Export;

/// <summary>What <c>export</c> wrote.</summary>
public sealed record ExportResult(string File, long Bytes, string Arch, int Nodes, long Opset, IReadOnlyList<string> Classes, string Contract);

/// <summary><c>export --model DIR --onnx FILE</c>: a saved model folder written as one ONNX file.</summary>
public static class ModelExport
{
    /// <param name="modelPath">A model folder (models/&lt;step&gt; in a report) or its model.json.</param>
    /// <param name="onnxPath">The file to write; an existing one is replaced only when melanoma-exp wrote it.</param>
    public static ExportResult Run(string modelPath, string onnxPath)
    {
        var modelFolder = File.Exists(modelPath) ? Path.GetDirectoryName(Path.GetFullPath(modelPath)) : modelPath;
        // Checked before the model is loaded (the ResNet-18 is 64 MB to hash): a refused file costs nothing.
        var target = OutputFile.Claim(onnxPath, new OutputRules().Input(modelFolder, "the model folder"), "--onnx", IsOurs);
        var (card, model) = ModelBundle.Load(modelPath);
        using (model)
        {
            foreach (var graph in card.ArchFiles?.Values ?? [])
            {
                // An exported graph may be what the model was imported from; replacing it would orphan the model.
                OutputFile.Claim(onnxPath, new OutputRules().Keep(graph, "the ONNX graph the model was trained from"), "--onnx", IsOurs);
            }
            ModelProto proto;
            try
            {
                proto = OnnxExporter.Export(model, card);
            }
            catch (BadInputException e)
            {
                throw new BadInputException($"{modelPath}: arch {card.Arch} cannot be exported to ONNX: {e.Message}", e);
            }
            var bytes = proto.ToByteArray();
            OutputFile.Write(bytes, target);
            return new ExportResult(target, bytes.LongLength, card.Arch, proto.Graph.Node.Count, proto.OpsetImport[0].Version, card.Classes, OnnxExporter.Contract(card));
        }
    }

    /// <summary>An ONNX model this tool wrote (its producer name); anything else, readable or not, is not ours to replace.</summary>
    private static bool IsOurs(string path)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).ProducerName == OnnxExporter.Producer;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
