using System.CommandLine;
using MelanomaExp.Verification;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>compare A B</c>: two report folders side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var a = new Argument<string>("a") { Description = "First report folder" };
        var b = new Argument<string>("b") { Description = "Second report folder" };
        var outputDir = new Option<string>("--output") { Description = "Where COMPARE.md and its charts go", DefaultValueFactory = _ => "out/compare" };
        var command = new Command("compare", "Compare two report folders: metrics, environment and validation curves side by side") { a, b, outputDir };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            output.Write(ReportComparison.Write(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(outputDir)!));
            return ExitCodes.Success;
        }));
        return command;
    }
}
