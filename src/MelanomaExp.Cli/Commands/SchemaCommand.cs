using System.CommandLine;
using MelanomaExp.Config;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>schema</c>: prints the experiment file's JSON Schema (what experiments/experiment.schema.json holds).</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var command = new Command("schema", "Print the JSON Schema of experiment files (for editors: # yaml-language-server: $schema=...)");
        command.SetAction(_ => ExitCodes.Guard(errors, () =>
        {
            output.Write(ExperimentSchema.Json());
            return ExitCodes.Success;
        }));
        return command;
    }
}
