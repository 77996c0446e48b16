using System.CommandLine;
using System.Globalization;
using MelanomaExp.Export;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>export --model PATH --onnx FILE</c>: a saved model as an ONNX graph from 0..255 RGB pixels to class probabilities.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var model = new Option<string>("--model") { Description = "Model folder (models/<step> in a report) or its model.json", Required = true };
        var onnx = new Option<string>("--onnx") { Description = "ONNX file to write (an existing file is replaced only when melanoma-exp wrote it)", Required = true };
        var command = new Command("export", "Write a saved model as an ONNX file (class probabilities from 0..255 RGB pixels) for ONNX Runtime or ML.NET") { model, onnx };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var result = ModelExport.Run(parse.GetValue(model)!, parse.GetValue(onnx)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {result.File} ({result.Bytes / 1e6:0.0} MB, {result.Nodes} nodes, opset {result.Opset}, arch {result.Arch})"));
            output.WriteLine(result.Contract);
            output.WriteLine($"classes: {string.Join(", ", result.Classes)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
