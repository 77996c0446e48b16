using System.CommandLine;
using MelanomaExp.Reporting.Studies;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>collect DIR</c>: the study report of a sweep folder (README.md, study.json, charts).</summary>
internal static class CollectCommand
{
    public static Command Create(TextWriter output, TextWriter errors, SweepBackends backends)
    {
        var dir = new Argument<string>("dir") { Description = "The sweep folder (with plan.json)" };
        var command = new Command("collect", "Build the study report of a sweep: every figure over seeds per grid point and step, paired tests, failed runs") { dir };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var folder = parse.GetValue(dir)!;
            var plan = SweepPlan.Read(folder);
            var study = StudyCollector.Collect(folder, backends.Queue(folder, plan));
            StudyReport.Write(study);
            var done = study.Runs.Count(r => r.Status == RunStatus.Done);
            output.WriteLine($"study report: {Path.Combine(study.Dir, "README.md")} ({done}/{study.Runs.Count} runs done{(done < study.Runs.Count ? "; the others are listed in it" : "")})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
