namespace MelanomaExp.Evaluation;

/// <summary>One kind of mistake (images of <paramref name="Actual"/> called <paramref name="Predicted"/>): how many, and the most confident ones.</summary>
/// <param name="Images">Positions in the evaluated set, highest probability of the wrong class first.</param>
internal sealed record MistakePair(int Actual, int Predicted, int Count, IReadOnlyList<int> Images);

/// <summary>
/// Picks the mistakes worth looking at: a required pair (melanoma called nevus, the dominant error in
/// the study) and the largest off-diagonal cells of the confusion matrix; within each pair, the images
/// the model was surest of, since a confident mistake is the one a threshold cannot catch.
/// </summary>
internal static class ConfidentMistakes
{
    public static IReadOnlyList<MistakePair> Select(
        SetEvaluation e, IReadOnlyList<(int Actual, int Predicted)> required, int largest = 3, int perPair = 6)
    {
        var n = e.Confusion.Classes;
        var cells = Enumerable.Range(0, n).SelectMany(r => Enumerable.Range(0, n).Where(c => c != r).Select(c => (Actual: r, Predicted: c)))
            .Where(p => e.Confusion.Counts[p.Actual, p.Predicted] > 0)
            .OrderByDescending(p => e.Confusion.Counts[p.Actual, p.Predicted])
            .ThenBy(p => p.Actual)
            .ThenBy(p => p.Predicted)
            .Take(largest);
        var chosen = required.Where(p => p.Actual >= 0 && p.Predicted >= 0 && p.Actual != p.Predicted).Concat(cells).Distinct().ToList();
        return [.. chosen.Select(p => new MistakePair(
            p.Actual,
            p.Predicted,
            e.Confusion.Counts[p.Actual, p.Predicted],
            Enumerable.Range(0, e.Labels.Count)
                .Where(i => e.Labels[i] == p.Actual && e.Predictions[i] == p.Predicted)
                .OrderByDescending(i => e.Probabilities.Count > i ? e.Probabilities[i][p.Predicted] : 0)
                .ThenBy(i => i)
                .Take(perPair)
                .ToList()))];
    }
}
