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
    public void All_labels_of_one_class_average_recall_over_present_classes_only()
    {
        var m = Metrics(2, [1, 1, 1], [1, 0, 1]);
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.BalancedAccuracy, 12);
        Assert.Equal(0.4, m.MacroF1, 12);
        Assert.Equal(0, m.PerClass[0].Support);
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
