using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Training;
using Spectre.Console;

namespace MelanomaExp.Cli.Commands;

/// <summary>
/// A live progress bar (step, epoch, batch, loss, images/s) on a terminal; one line per epoch when
/// output goes to a file or pipe (nohup logs, CI), where redrawing would only add noise.
/// </summary>
internal static class ConsoleProgress
{
    public static RunResult Run(Experiment experiment, RunOptions options, TextWriter output, CancellationToken cancel)
    {
        var epochLine = RunCommand.EpochLine(output);
        if (Console.IsOutputRedirected || output != Console.Out)
        {
            return ExperimentRunner.Run(experiment, options with { EpochDone = epochLine }, cancel);
        }
        RunResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                foreach (var step in experiment.Steps)
                {
                    bars[step.Name] = ctx.AddTask(step.Name, autoStart: false, maxValue: step.Train.Epochs);
                }
                var progress = new Progress<TrainProgress>(p =>
                {
                    var bar = bars[p.Step];
                    bar.StartTask();
                    bar.Value = p.Epoch - 1 + (p.Batch / (double)p.Batches);
                    bar.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{p.Step} epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.Loss:0.000} {p.ImagesPerSecond:0.0} img/s");
                });
                result = ExperimentRunner.Run(experiment, options with { Progress = progress, EpochDone = epochLine, Log = AnsiConsole.WriteLine }, cancel);
            });
        return result!;
    }
}
