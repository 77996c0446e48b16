using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class ClassificationMetricsTests
{
    private static ClassificationMetrics Metrics(int classes, int[] actual, int[] predicted) =>
        ClassificationMetrics.From(new ConfusionMatrix(classes, actual, predicted), Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray());

    [Fact]
    public void Match_hand_computed_values_including_a_class_never_predicted()
    {
        // Confusion: c0 -> (c0, c1), c1 -> (c1, c1), c2 -> (c0). c2 is never predicted.
        var m = Metrics(3, [0, 0, 1, 1, 2], [0, 1, 1, 1, 0]);
        Assert.Equal(0.6, m.Accuracy, 12);
        Assert.Equal((0.5 + 1 + 0) / 3, m.BalancedAccuracy, 12);
        Assert.Equal((0.5 + 0.8 + 0) / 3, m.MacroF1, 12);
        Assert.Equal(((0.5 * 2) + (0.8 * 2)) / 5, m.WeightedF1, 12);
        Assert.Equal((0.5, 0.5, 0.5, 2), (m.PerClass[0].Precision, m.PerClass[0].Recall, m.PerClass[0].F1, m.PerClass[0].Support));
        Assert.Equal(2.0 / 3, m.PerClass[1].Precision, 12);
        Assert.Equal((0.0, 0.0, 0.0, 1), (m.PerClass[2].Precision, m.PerClass[2].Recall, m.PerClass[2].F1, m.PerClass[2].Support));
    }

    [Fact]
    public void A_class_without_images_is_na_and_left_out_of_both_macro_averages()
    {
        // c0 has no image but is predicted once; c2 has no image and is never predicted.
        var m = Metrics(3, [1, 1, 1], [1, 0, 1]);
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.BalancedAccuracy, 12);
        // Only c1 counts: precision 2/2, recall 2/3, F1 0.8 (scikit-learn would give 0.8 / 3 with zero_division=0).
        Assert.Equal(0.8, m.MacroF1, 12);
        Assert.Equal(["c0", "c2"], m.Absent);
        Assert.Equal(0, m.PerClass[0].Precision);
        Assert.True(double.IsNaN(m.PerClass[0].Recall) && double.IsNaN(m.PerClass[0].F1));
        Assert.True(double.IsNaN(m.PerClass[2].Precision));
    }

    [Fact]
    public void Confusion_matrix_counts_actual_by_predicted()
    {
        var c = new ConfusionMatrix(2, [0, 0, 1], [1, 1, 1]);
        Assert.Equal(2, c.Counts[0, 1]);
        Assert.Equal(1, c.Counts[1, 1]);
        Assert.Equal(3, c.PredictedAs(1));
        Assert.Equal(1, c.Correct);
    }
}
