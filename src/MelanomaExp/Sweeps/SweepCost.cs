using MelanomaExp.Config;
using MelanomaExp.Data;

namespace MelanomaExp.Sweeps;

/// <summary>
/// The CPU time a run will take, from what a real one took: <c>reports/final</c> trained 244,900
/// image-epochs at 180x180 (1,570 training images x 20 + 20 epochs, and 6,070 with the generated ones x 30)
/// in 5,447 s on 2 AMD EPYC cores, validation included: 44.5 CPU-ms per image-epoch. Cost scales with pixels.
/// </summary>
internal static class SweepCost
{
    public const double CpuSecondsPerImageEpochAt180 = 5447.0 * 2 / 244_900;

    /// <summary>Null when the training folder is not found here (planning on a machine without the data).</summary>
    public static double? CpuHours(Experiment experiment, string dataRoot)
    {
        var train = Path.Combine(dataRoot, experiment.Data.Train);
        if (!Directory.Exists(train))
        {
            return null;
        }
        var perClass = Directory.GetDirectories(train)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => Math.Min(ImageFiles.In(d).Count, experiment.Data.MaxPerClass ?? int.MaxValue) * (1 - experiment.Data.ValidationSplit))
            .ToList();
        var pixels = experiment.Data.ImageHeight * experiment.Data.ImageWidth / (180.0 * 180.0);
        var seconds = experiment.Steps.Sum(step =>
        {
            var generated = step.Rebalance is { } r ? perClass.Sum(c => r.ToGenerate((int)c)) : 0;
            return step.Train.Epochs * (perClass.Sum() + generated) * CpuSecondsPerImageEpochAt180 * pixels;
        });
        return seconds / 3600;
    }
}
