using System.CommandLine;
using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Running;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>run FILE</c>: trains every step and writes the report.</summary>
internal static class RunCommand
{
    public static Action<string, Training.EpochRecord> EpochLine(TextWriter output) => (step, e) => output.WriteLine(EpochText(step, e));

    /// <summary>One epoch's summary line, as the log and the live display both print it.</summary>
    public static string EpochText(string step, Training.EpochRecord e) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{step} epoch {e.Epoch}: loss {e.TrainLoss:0.0000} acc {e.TrainAccuracy * 100:0.00}% | val loss {e.ValLoss:0.0000} val acc {e.ValAccuracy * 100:0.00}% | {e.Seconds:0.0}s {e.ImagesPerSecond:0.0} img/s");

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var common = new CommonOptions();
        var outputDir = new Option<string?>("--output") { Description = "Report folder (default: report.dir of the experiment)" };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda (overrides device: in the file)" };
        device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run of this experiment from its last completed epoch" };
        var resumeIfInterrupted = new Option<bool>("--resume-if-interrupted") { Description = "Continue an interrupted run of this experiment when there is one, else start afresh (sweep tasks use it)" };
        var seedCount = NumberOptions.OptionalWhole("--seeds", "Run N times with seeds seed, seed+1, ... and report mean, sd and 95% CI per metric", 2, 1000);
        var force = new Option<bool>("--force") { Description = "Train every step, even those unchanged since the report in the output folder" };
        var compact = new Option<bool>("--compact") { Description = "Write the figures and data files without charts or galleries (what sweep runs write; the study draws the charts)" };
        var audit = new Option<bool>("--audit-determinism") { Description = "Train the first epoch twice and record in the manifest whether losses and weights match" };
        var command = new Command("run", "Train every step of an experiment and write its Markdown report");
        common.AddTo(command);
        command.Options.Add(outputDir);
        command.Options.Add(device);
        command.Options.Add(resume);
        command.Options.Add(resumeIfInterrupted);
        command.Options.Add(audit);
        command.Options.Add(force);
        command.Options.Add(seedCount);
        command.Options.Add(compact);
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var experiment = common.Load(parse);
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                if (!cancel.IsCancellationRequested)
                {
                    errors.WriteLine("stopping at the next batch (Ctrl+C); what is kept for --resume is listed when it stops");
                }
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            // SIGTERM (kill, Slurm, systemd) stops at the next batch as Ctrl+C does, keeps the checkpoint, and exits 143.
            using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                ExitCodes.InterruptCode = ExitCodes.Terminated;
                if (!cancel.IsCancellationRequested)
                {
                    errors.WriteLine("terminated (SIGTERM): stopping at the next batch; what is kept for --resume is listed when it stops");
                }
                cancel.Cancel();
            });
            try
            {
                var options = new RunOptions
                {
                    DataRoot = parse.GetValue(common.DataRoot),
                    OutputDir = parse.GetValue(outputDir),
                    Device = parse.GetValue(device) is { } d ? Enum.Parse<DeviceChoice>(d, ignoreCase: true) : null,
                    Log = output.WriteLine,
                    Resume = parse.GetValue(resume),
                    ResumeIfInterrupted = parse.GetValue(resumeIfInterrupted),
                    AuditDeterminism = parse.GetValue(audit),
                    Force = parse.GetValue(force),
                    Sink = parse.GetValue(compact) ? ReportSink.Compact : ReportSink.Instance,
                };
                var seeds = parse.GetValue(seedCount) is { } n ? Enumerable.Range(experiment.Seed, n).ToList() : experiment.Seeds;
                if (seeds.Count > 0)
                {
                    var study = SeedStudy.Run(parse.GetValue(common.File)!, parse.GetValue(common.Set) ?? [], seeds, options with { EpochDone = EpochLine(output) }, cancel.Token);
                    foreach (var s in study.Statistics)
                    {
                        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Step} {s.Metric}: {s.Mean:0.0000} ± {s.HalfWidth:0.0000} (sd {s.StandardDeviation:0.0000}, n={s.Values.Count})"));
                    }
                    output.WriteLine($"report: {Path.GetFullPath(options.OutputDir ?? experiment.Report.Dir)}/README.md");
                    return ExitCodes.Success;
                }
                var result = ConsoleProgress.Run(experiment, options, output, cancel.Token);
                output.WriteLine($"report: {Path.GetFullPath(options.OutputDir ?? experiment.Report.Dir)}/README.md ({result.Environment.Device})");
                return ExitCodes.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }));
        return command;
    }
}
