namespace MelanomaExp.Evaluation;

/// <summary>
/// The positive class's ROC AUC of two steps on the same images: DeLong's test and a paired bootstrap
/// interval of the difference (second minus first). The two are independent ways to the same question;
/// the report gives both.
/// </summary>
public sealed record AucComparison(DeLongResult DeLong, Interval Difference)
{
    public static AucComparison? Of(SetEvaluation first, SetEvaluation second, int resamples, int seed)
    {
        if (first.Positive is not { } a || second.Positive is not { } b || a.Scores.Count != b.Scores.Count)
        {
            return null;
        }
        var truth = a.Truth;
        double Auc(IReadOnlyList<double> scores, int[] idx) => Roc.Auc(idx.Select(i => scores[i]).ToArray(), idx.Select(i => truth[i]).ToArray());
        return new AucComparison(
            Evaluation.DeLong.Test(a.Scores, b.Scores, truth),
            PairedBootstrap.Difference(truth.Count, idx => Auc(a.Scores, idx), idx => Auc(b.Scores, idx), resamples, seed));
    }
}
