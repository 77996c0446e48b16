using System.Text.Json.Nodes;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>metrics.json fragments for evaluations and step comparisons (accuracies as fractions 0..1; NaN written as null).</summary>
internal static class EvaluationJson
{
    public static JsonObject Set(SetEvaluation e) => WithGroups(e, new()
    {
        ["images"] = e.Images,
        ["loss"] = N(e.Loss),
        ["accuracy"] = N(e.Metrics.Accuracy),
        ["balanced_accuracy"] = N(e.Metrics.BalancedAccuracy),
        ["macro_f1"] = N(e.Metrics.MacroF1),
        ["balanced_accuracy_ci"] = Interval(e.BalancedAccuracy),
        ["macro_f1_ci"] = Interval(e.MacroF1),
        ["classes_left_out_of_macro_averages"] = new JsonArray([.. e.Metrics.Absent.Select(c => (JsonNode?)c)]),
        ["weighted_f1"] = N(e.Metrics.WeightedF1),
        ["per_class"] = new JsonArray([.. e.Metrics.PerClass.Select(c => (JsonNode?)new JsonObject
        {
            ["class"] = c.Name,
            ["precision"] = N(c.Precision),
            ["recall"] = N(c.Recall),
            ["f1"] = N(c.F1),
            ["support"] = c.Support,
        })]),
        ["confusion_matrix"] = Matrix(e.Confusion),
        ["positive_class"] = e.Positive is null ? null : Binary(e.Positive),
        ["calibration"] = e.Calibration is not { } cal ? null : Calibration(cal),
    });

    /// <summary>Only experiments with groups get the key, so other metrics.json files stay as they were.</summary>
    private static JsonObject WithGroups(SetEvaluation e, JsonObject set)
    {
        if (e.ByGroup is not null)
        {
            set["by_group"] = GroupJson.Json(e.ByGroup);
        }
        return set;
    }

    /// <summary>The bin table is under <c>reliability</c>, which verify leaves out as it does ROC points: the ECE summarises it.</summary>
    private static JsonObject Calibration(Calibration c) => new()
    {
        ["bins"] = c.BinCount,
        ["binning"] = "equal-width bins over the top-class probability",
        ["expected_calibration_error"] = N(c.ExpectedError),
        ["mean_confidence"] = N(c.MeanConfidence),
        ["reliability"] = new JsonArray([.. c.Bins.Select(b => (JsonNode?)new JsonObject
        {
            ["lower"] = b.Lower,
            ["upper"] = b.Upper,
            ["images"] = b.Count,
            ["mean_confidence"] = N(b.MeanConfidence),
            ["accuracy"] = N(b.Accuracy),
        })]),
    };

    public static JsonObject Comparison(StepComparison c) => new()
    {
        ["first"] = c.First,
        ["second"] = c.Second,
        ["set"] = c.Set,
        ["first_accuracy"] = N(c.FirstAccuracy),
        ["second_accuracy"] = N(c.SecondAccuracy),
        ["only_first_right"] = c.Test.OnlyFirstRight,
        ["only_second_right"] = c.Test.OnlySecondRight,
        ["mcnemar_p"] = N(c.Test.PValue),
        ["method"] = c.Test.Method,
        ["roc_auc"] = c.Auc is not { } a ? null : new JsonObject
        {
            ["first"] = N(a.DeLong.FirstAuc),
            ["second"] = N(a.DeLong.SecondAuc),
            ["difference"] = Interval(a.Difference),
            ["delong_z"] = N(a.DeLong.Z),
            ["delong_p"] = N(a.DeLong.PValue),
        },
    };

    private static JsonObject Binary(BinaryEvaluation b) => new()
    {
        ["class"] = b.PositiveClass,
        ["positives"] = b.Positives,
        ["negatives"] = b.Negatives,
        ["sensitivity"] = Interval(b.Sensitivity),
        ["specificity"] = Interval(b.Specificity),
        ["roc_auc"] = Interval(b.Auc),
        ["youden_threshold"] = N(b.YoudenThreshold),
        ["average_precision"] = Interval(b.AveragePrecision),
        ["operating_point"] = b.Operating is not { } o ? null : new JsonObject
        {
            ["threshold"] = N(o.Threshold),
            ["chosen_on_this_set"] = o.ChosenOnThisSet,
            ["sensitivity"] = Interval(o.Sensitivity),
            ["specificity"] = Interval(o.Specificity),
        },
        ["roc"] = new JsonArray([.. b.Roc.Where(p => double.IsFinite(p.Threshold)).Select(p => (JsonNode?)new JsonArray(N(p.Threshold), N(p.FalsePositiveRate), N(p.TruePositiveRate)))]),
        // [threshold, recall, precision], highest threshold first.
        ["precision_recall"] = new JsonArray([.. b.PrecisionRecall.Select(p => (JsonNode?)new JsonArray(N(p.Threshold), N(p.Recall), N(p.Precision)))]),
    };

    private static JsonObject Interval(Interval i) => new() { ["value"] = N(i.Value), ["ci95_low"] = N(i.Low), ["ci95_high"] = N(i.High) };

    private static JsonArray Matrix(ConfusionMatrix m) =>
        new([.. Enumerable.Range(0, m.Classes).Select(r => (JsonNode?)new JsonArray([.. Enumerable.Range(0, m.Classes).Select(c => (JsonNode?)m.Counts[r, c])]))]);

    private static JsonValue? N(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
