using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Training;
using Spectre.Console;

namespace MelanomaExp.Cli.Commands;

/// <summary>
/// A live progress bar (step, epoch, batch, loss, images/s) on a terminal; one line per epoch when
/// output goes to a file or pipe (nohup logs, CI), where redrawing would only add noise. While the bar is
/// live, every line (epoch summaries, log lines) goes through Spectre's console, which writes it above
/// the bar; a line written straight to stdout would land inside the bar's line and be cut at the edge.
/// </summary>
internal static class ConsoleProgress
{
    public static RunResult Run(Experiment experiment, RunOptions options, TextWriter output, CancellationToken cancel)
    {
        if (Console.IsOutputRedirected || output != Console.Out)
        {
            return ExperimentRunner.Run(experiment, options with { EpochDone = RunCommand.EpochLine(output) }, cancel);
        }
        RunResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TimeColumn("elapsed", t => t.ElapsedTime), new TimeColumn("left", t => t.RemainingTime))
            .Start(ctx =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                foreach (var step in experiment.Steps)
                {
                    bars[step.Name] = ctx.AddTask(step.Name, autoStart: false, maxValue: step.Train.Epochs);
                }
                // Called on the training thread, in order (Progress<T> would post to the thread pool, out of order and late).
                var progress = new InlineProgress<TrainProgress>(p =>
                {
                    var bar = bars[p.Step];
                    bar.StartTask();
                    bar.Value = p.Epoch - 1 + (p.Batch / (double)p.Batches);
                    bar.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{p.Step} epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.Loss:0.000} {p.ImagesPerSecond:0.0} img/s");
                });
                result = ExperimentRunner.Run(experiment, options with { Progress = progress, EpochDone = (step, e) => AnsiConsole.WriteLine(RunCommand.EpochText(step, e)), Log = AnsiConsole.WriteLine }, cancel);
            });
        return result!;
    }

    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>A time column that says what its time is ("elapsed 00:01:02", "left 00:00:30"), unlike Spectre's bare ones.</summary>
    private sealed class TimeColumn(string label, Func<ProgressTask, TimeSpan?> time) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(time(task) is { } t ? string.Create(CultureInfo.InvariantCulture, $"{label} {t:hh\\:mm\\:ss}") : $"{label} --:--:--", new Style(Color.Grey));
    }
}
