using MelanomaExp.Acquisition;
using System.CommandLine;
using MelanomaExp.Benchmarking;
using MelanomaExp.Config;
using MelanomaExp.Reporting;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>bench [FILE]</c>: how fast training, inference and the data side run here, against the machine's ceiling and PyTorch.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var file = new Argument<string?>("file") { Description = "An experiment whose data and step are timed (without it: the model on random inputs only)", Arity = ArgumentArity.ZeroOrOne };
        var dataRoot = new Option<string?>("--data-root") { Description = "Folder holding the data (overrides data.root and MELANOMA_EXP_DATA)" };
        var set = new Option<string[]>("--set") { Description = "Override a YAML key (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var step = new Option<string?>("--step") { Description = "The step whose first epochs are timed (default: the first)" };
        var epochs = NumberOptions.Whole("--epochs", "Real epochs to time (2 or more shows whether memory stays flat)", 1, 100, 2);
        var quick = new Option<bool>("--quick") { Description = "Fewer rounds, an eighth of the images: a minute or two instead of ten" };
        var peer = new Option<string?>("--peer") { Description = "Also run the PyTorch reference script (default ../shared/bench/peer_seed_cnn.py)", Arity = ArgumentArity.ZeroOrOne };
        var noPrefetch = new Option<bool>("--no-prefetch") { Description = "Prepare each batch only when needed (to measure what overlapping buys)" };
        var outputDir = new Option<string?>("--output") { Description = "Write BENCH.md and BENCH.json to this folder" };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda" };
        device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var command = new Command("bench", "Measure training, inference and data throughput") { file, dataRoot, set, step, epochs, quick, peer, noPrefetch, outputDir, device };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var experiment = parse.GetValue(file) is { } path ? ExperimentLoader.Load(path, parse.GetValue(set) ?? []) : null;
            var target = parse.GetValue(outputDir) is { } requested
                ? Safety.OutputFolder.Claim(requested, "bench", experiment is null ? null : Running.ExperimentRunner.OutputRules(experiment, DataRoot.Resolve(parse.GetValue(dataRoot), experiment.Data.Root)))
                : null;
            var options = new BenchOptions
            {
                Experiment = experiment,
                DataRoot = parse.GetValue(dataRoot),
                Step = parse.GetValue(step),
                Epochs = parse.GetValue(epochs),
                Quick = parse.GetValue(quick),
                NoPrefetch = parse.GetValue(noPrefetch),
                Peer = parse.GetResult(peer) is null ? null : parse.GetValue(peer) ?? "",
                Device = parse.GetValue(device) is { } d ? Enum.Parse<DeviceChoice>(d, ignoreCase: true) : DeviceChoice.Auto,
                Log = line => errors.WriteLine(line),
            };
            var result = Benchmark.Run(options);
            var markdown = BenchMarkdown.Render(result);
            output.Write(markdown);
            if (target is not null)
            {
                target.CreateAndMark();
                WriteAtomically(Path.Combine(target.Path, "BENCH.md"), markdown);
                WriteAtomically(Path.Combine(target.Path, "BENCH.json"), BenchJson.Render(result));
                target.Record("BENCH.md", "BENCH.json");
                output.WriteLine($"written: {Path.Combine(target.Path, "BENCH.md")} and BENCH.json");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
