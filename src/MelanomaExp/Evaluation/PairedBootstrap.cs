namespace MelanomaExp.Evaluation;

/// <summary>
/// Percentile bootstrap of a difference between two models on the same images: each resample draws
/// images with replacement and scores both models on the very same draw, so the interval reflects
/// the pairing (the models' shared hard and easy images), not two independent samples.
/// </summary>
internal static class PairedBootstrap
{
    public static Interval Difference(int count, Func<int[], double> first, Func<int[], double> second, int resamples, int seed) =>
        Bootstrap.Interval(count, idx => second(idx) - first(idx), resamples, seed);
}
