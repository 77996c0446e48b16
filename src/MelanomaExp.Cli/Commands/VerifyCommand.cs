using System.CommandLine;
using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Reporting.Verification;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Verification;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>verify REPORT_DIR</c>: re-runs a committed report's experiment and says whether its numbers reproduce.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var report = new Argument<string>("report-dir") { Description = "A report folder written by 'run' (with metrics.json and manifest.json)" };
        var dataRoot = new Option<string?>("--data-root") { Description = "Folder holding the data (default: MELANOMA_EXP_DATA, else the root recorded in the report)" };
        var outputDir = new Option<string?>("--output") { Description = "Where the rerun's report and VERIFY.md go (default: out/verify/<report folder name>)" };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda" };
        device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var seedStudy = new Option<string?>("--seed-study") { Description = "A sweep folder with a seed study of this experiment (study.json): differences are judged against its seed-to-seed spread (default: one beside the report)" };
        var seeds = new Option<int>("--seeds") { Description = $"On other numerics with no seed study: how many further seeds to run to measure the seed spread (default {Verifier.DefaultExtraSeeds}; 0 judges by the fixed tolerances alone)", DefaultValueFactory = _ => Verifier.DefaultExtraSeeds };
        seeds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 100)
            {
                r.AddError("--seeds: must be between 0 and 100");
            }
        });
        var command = new Command("verify", "Re-run the experiment of a committed report and compare every metric (exit 0 only if all reproduce, 3 if not)")
        {
            report, dataRoot, outputDir, device, seedStudy, seeds,
        };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var dir = parse.GetValue(report)!;
            var options = new RunOptions
            {
                DataRoot = parse.GetValue(dataRoot) ?? MelanomaExp.Acquisition.DataRoot.FromEnvironment(),
                OutputDir = parse.GetValue(outputDir) ?? Path.Combine("out", "verify", Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)))),
                Device = parse.GetValue(device) is { } d ? Enum.Parse<DeviceChoice>(d, ignoreCase: true) : null,
                Log = output.WriteLine,
                Sink = ReportSink.Instance,
            };
            var result = Verifier.Verify(dir, options, parse.GetValue(seedStudy), parse.GetValue(seeds));
            foreach (var problem in result.Integrity)
            {
                output.WriteLine($"integrity: {problem}");
            }
            if (result.IntegrityNote is { } note)
            {
                output.WriteLine($"integrity: {note}");
            }
            foreach (var c in result.Checks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Step,-12} {c.Metric,-22} committed {c.Committed,10:0.000000} reproduced {c.Reproduced,10:0.000000} diff {c.Difference,10:+0.000000;-0.000000;0} {VerificationMarkdown.Word(c.Verdict)}{(c.SeedSd is null ? "" : $", {SeedSpread.Describe(c)}")}"));
            }
            foreach (var e in result.Environment)
            {
                output.WriteLine($"environment: {e.Property}: {e.Committed} -> {e.Reproduced}");
            }
            foreach (var f in result.Figures.Where(f => f.Verdict == Verdict.NotReproduced).Take(20))
            {
                output.WriteLine($"not reproduced: {f.Path} ({f.Kind}): committed {f.Committed}, reproduced {f.Reproduced}, tolerance {f.Tolerance.ToString("0.####", CultureInfo.InvariantCulture)}");
            }
            foreach (var p in result.Pairs)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Step} {p.Set}: {p.Changed} of {p.Images} images changed answer ({p.Test.OnlyFirstRight} right only before, {p.Test.OnlySecondRight} right only now, McNemar p {p.Test.PValue:0.###})"));
            }
            output.WriteLine(result.Summary);
            output.WriteLine($"{(result.Reproduced ? "REPRODUCED" : "NOT REPRODUCED")}: {result.Reason}; details in {Path.GetFullPath(options.OutputDir)}/VERIFY.md");
            return result.Reproduced ? ExitCodes.Success : ExitCodes.NotReproduced;
        }));
        return command;
    }
}
