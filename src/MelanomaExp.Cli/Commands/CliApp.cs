using System.CommandLine;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Cli.Commands;

/// <summary>The command tree. Exit codes: 0 success, 2 bad input (including bad command-line usage), 3 not reproduced (verify), 1 anything else, 130 interrupted.</summary>
public static class CliApp
{
    /// <param name="backends">What <c>sweep --backend</c> offers; <see cref="SweepBackends.All"/> unless a caller adds one.</param>
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, SweepBackends? backends = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        var root = Root(output, errors, backends);
        var verbose = (Option<bool>)root.Options.First(o => o.Name == "--verbose");
        var parse = root.Parse(args);
        ExitCodes.Verbose = parse.GetValue(verbose);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                errors.WriteLine($"error: {error.Message}");
            }
            errors.WriteLine("Run 'melanoma-exp --help' for usage.");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = errors, ProcessTerminationTimeout = null });
    }

    /// <summary>The whole command tree, unparsed: Run parses with it, and a test parses every command the README shows.</summary>
    public static RootCommand Root(TextWriter output, TextWriter errors, SweepBackends? backends = null)
    {
        backends ??= SweepBackends.All;
        var root = new RootCommand("melanoma-exp: reproducible melanoma CNN experiments from YAML files")
        {
            RunCommand.Create(output, errors),
            ValidateCommand.Create(output, errors),
            EvaluateCommand.Create(output, errors),
            PredictCommand.Create(output, errors),
            ExportCommand.Create(output, errors),
            VerifyCommand.Create(output, errors),
            AuditCommand.Create(output, errors),
            CompareCommand.Create(output, errors),
            BenchCommand.Create(output, errors),
            SchemaCommand.Create(output, errors),
            SweepCommand.Create(output, errors, backends),
            CollectCommand.Create(output, errors, backends),
            DataCommand.Create(output, errors),
            ResultsCommand.Create(output, errors),
            CompactCommand.Create(output, errors),
        };
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces of unexpected errors", Recursive = true };
        root.Options.Add(verbose);
        return root;
    }
}
