using MelanomaExp.Acquisition;
using Spectre.Console;

namespace MelanomaExp.Cli.Commands;

/// <summary>Runs <c>data get</c> under a progress bar on a terminal: bytes and rate while downloading, files while checking.</summary>
internal static class DataProgress
{
    public static DataGetResult Run(DataGetOptions options, bool showBar)
    {
        if (!showBar)
        {
            return DataGetter.Get(options);
        }
        DataGetResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DataAmountColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bars = new Dictionary<AcquisitionStage, ProgressTask>();
                void Update(AcquisitionProgress p)
                {
                    if (!bars.TryGetValue(p.Stage, out var bar))
                    {
                        bar = bars[p.Stage] = ctx.AddTask(p.Stage == AcquisitionStage.Download ? DataAmountColumn.DownloadTask : "check files");
                    }
                    bar.IsIndeterminate = p.Total is null;
                    bar.MaxValue = p.Total ?? Math.Max(p.Done, 1);
                    bar.Value = p.Done;
                }
                result = DataGetter.Get(options with { Progress = Update, Log = AnsiConsole.WriteLine });
                foreach (var bar in bars.Values)
                {
                    bar.Value = bar.MaxValue;
                    bar.StopTask();
                }
            });
        return result!;
    }
}
