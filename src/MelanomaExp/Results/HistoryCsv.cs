using System.Globalization;
using System.Text;

namespace MelanomaExp.Results;

/// <summary>One row per step and epoch, the same numbers as metrics.json.</summary>
internal static class HistoryCsv
{
    public static string Render(RunResult run)
    {
        var csv = new StringBuilder("step,epoch,train_loss,train_accuracy,val_loss,val_accuracy,seconds,images_per_second\n");
        foreach (var step in run.Steps)
        {
            foreach (var e in step.Epochs)
            {
                csv.AppendLine(string.Join(',',
                    step.Name,
                    e.Epoch.ToString(CultureInfo.InvariantCulture),
                    R(e.TrainLoss),
                    R(e.TrainAccuracy),
                    R(e.ValLoss),
                    R(e.ValAccuracy),
                    e.Seconds.ToString("0.###", CultureInfo.InvariantCulture),
                    e.ImagesPerSecond.ToString("0.##", CultureInfo.InvariantCulture)));
            }
        }
        return csv.ToString();
    }

    /// <summary>Round-trip format: the CSV holds exactly the values in metrics.json.</summary>
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
