namespace MelanomaExp.Evaluation;

/// <summary>One confidence bin of a reliability diagram: images whose top probability fell in [Lower, Upper).</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How far a model's confidence (its top class probability) is from its accuracy. Expected calibration
/// error is the bin-size-weighted mean of |accuracy - mean confidence| over equal-width bins of that
/// confidence (Guo et al. 2017); 0 is perfectly calibrated.
/// </summary>
public sealed record Calibration(int BinCount, double ExpectedError, double MeanConfidence, double Accuracy, IReadOnlyList<CalibrationBin> Bins)
{
    /// <summary>Ten equal-width bins, the usual choice; few enough that a few hundred images fill most of them.</summary>
    public const int DefaultBins = 10;

    public static Calibration Of(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            var top = 0;
            for (var c = 1; c < p.Length; c++)
            {
                if (p[c] > p[top])
                {
                    top = c;
                }
            }
            // In float arithmetic, as the probabilities are stored: 0.9f * 10 rounds to 9 (in double it is 8.99999976),
            // so a confidence written as a bin edge lands in the bin it names. 1.0 belongs to the last bin, closed at the top.
            var bin = Math.Min(bins - 1, (int)(p[top] * (float)bins));
            count[bin]++;
            confidence[bin] += p[top];
            correct[bin] += top == labels[i] ? 1 : 0;
        }
        var n = probabilities.Count;
        var table = Enumerable.Range(0, bins).Select(b => new CalibrationBin(
            b / (double)bins,
            (b + 1) / (double)bins,
            count[b],
            count[b] == 0 ? double.NaN : confidence[b] / count[b],
            count[b] == 0 ? double.NaN : correct[b] / (double)count[b])).ToList();
        var ece = n == 0 ? double.NaN : table.Where(b => b.Count > 0).Sum(b => b.Count / (double)n * Math.Abs(b.Accuracy - b.MeanConfidence));
        return new Calibration(bins, ece, n == 0 ? double.NaN : confidence.Sum() / n, n == 0 ? double.NaN : correct.Sum() / (double)n, table);
    }
}
