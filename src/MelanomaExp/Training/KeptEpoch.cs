using MelanomaExp.Config;

namespace MelanomaExp.Training;

/// <summary>
/// The epoch whose weights a step keeps (<c>train.keep</c>). Derived from the history alone, so a
/// reused or resumed step reports the same epoch as the run that trained it.
/// </summary>
internal static class KeptEpoch
{
    /// <summary>The epoch number (1-based) kept under <paramref name="keep"/>; the earliest on ties, as Keras' checkpoint keeps the first best.</summary>
    public static int Of(TrainKeep keep, IReadOnlyList<EpochRecord> history)
    {
        if (history.Count == 0)
        {
            throw new ArgumentException("a step without epochs keeps nothing", nameof(history));
        }
        if (keep == TrainKeep.Last)
        {
            return history[^1].Epoch;
        }
        var best = history[0];
        foreach (var e in history)
        {
            // A NaN loss never counts as an improvement.
            if (e.ValLoss < best.ValLoss || double.IsNaN(best.ValLoss))
            {
                best = e;
            }
        }
        return best.Epoch;
    }
}
