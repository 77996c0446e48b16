using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Verification;

namespace MelanomaExp.Tests.Verification;

/// <summary>The verdict on every figure of metrics.json, on hand-written documents whose differences are known.</summary>
public class FigureComparisonTests
{
    private const string Metrics = """
        { "tool_version": "0.1.0", "steps": [ { "name": "base", "seconds": 12.5, "model": "models/base",
          "epochs": [ { "epoch": 1, "train_loss": 1.5, "train_accuracy": 0.4, "val_loss": 1.6, "val_accuracy": 0.35, "seconds": 3, "images_per_second": 10 } ],
          "final": { "train_loss": 1.5, "train_accuracy": 0.4, "val_loss": 1.6, "val_accuracy": 0.35 },
          "validation": { "images": 100, "loss": 1.6, "accuracy": 0.35, "balanced_accuracy": 0.3,
            "per_class": [ { "class": "melanoma", "precision": 0.5, "recall": 0.25, "f1": 0.33, "support": 40 } ],
            "confusion_matrix": [ [10, 30], [35, 25] ],
            "positive_class": { "class": "melanoma", "roc_auc": { "value": 0.7 }, "roc": [ [0, 0, 1], [1, 1, 0] ] } },
          "test": null } ] }
        """;

    private static readonly VerifySpec Tolerance = new(0.02, 0.05);

    private static JsonElement Doc(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonElement Edited(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Metrics)!;
        edit(node["steps"]![0]!);
        return Doc(node.ToJsonString());
    }

    private static Verdict VerdictOf(JsonElement fresh, string path) =>
        FigureComparison.Compare(Doc(Metrics), fresh, Tolerance).Checks.Single(c => c.Path == path).Verdict;

    [Fact]
    public void Every_figure_but_timings_and_roc_points_is_compared()
    {
        var (checks, leftOut) = FigureComparison.Compare(Doc(Metrics), Doc(Metrics), Tolerance);
        // Counted by hand: name and model, 5 per epoch, 4 final, 4 validation, 5 per class, 4 confusion cells, 2 positive class, test.
        Assert.Equal(27, checks.Count);
        Assert.Equal(1 + 2 + 6, leftOut);
        Assert.All(checks, c => Assert.Equal(Verdict.Identical, c.Verdict));
    }

    [Fact]
    public void Loss_and_accuracy_each_get_their_own_tolerance()
    {
        // 0.03 is inside the loss tolerance (0.05) and outside the accuracy tolerance (0.02): swapping them flips both.
        var fresh = Edited(s => { s["final"]!["val_loss"] = 1.63; s["final"]!["val_accuracy"] = 0.38; });
        Assert.Equal(Verdict.WithinTolerance, VerdictOf(fresh, "base.final.val_loss"));
        Assert.Equal(Verdict.NotReproduced, VerdictOf(fresh, "base.final.val_accuracy"));
    }

    [Fact]
    public void Confusion_cells_tolerate_the_accuracy_tolerance_times_the_images_and_counts_nothing()
    {
        Assert.Equal(Verdict.WithinTolerance, VerdictOf(Edited(s => s["validation"]!["confusion_matrix"]![0]![0] = 12), "base.validation.confusion_matrix[0][0]"));
        Assert.Equal(Verdict.NotReproduced, VerdictOf(Edited(s => s["validation"]!["confusion_matrix"]![0]![0] = 13), "base.validation.confusion_matrix[0][0]"));
        Assert.Equal(Verdict.NotReproduced, VerdictOf(Edited(s => s["validation"]!["per_class"]![0]!["support"] = 41), "base.validation.per_class[0].support"));
    }

    [Fact]
    public void An_edited_per_epoch_or_validation_figure_is_caught()
    {
        Assert.Equal(Verdict.NotReproduced, VerdictOf(Edited(s => s["epochs"]![0]!["val_accuracy"] = 0.95), "base.epochs[0].val_accuracy"));
        Assert.Equal(Verdict.NotReproduced, VerdictOf(Edited(s => s["validation"]!["accuracy"] = 0.95), "base.validation.accuracy"));
    }

    [Fact]
    public void Missing_unreadable_or_extra_figures_are_failures_not_skips()
    {
        var committed = Doc(Metrics.Replace("\"accuracy\": 0.35,", "\"accuracy\": \"0.35\",", StringComparison.Ordinal));
        var (checks, _) = FigureComparison.Compare(committed, Doc(Metrics), Tolerance);
        Assert.Equal(Verdict.NotReproduced, checks.Single(c => c.Path == "base.validation.accuracy").Verdict);

        var fewer = Edited(s => s["validation"]!.AsObject().Remove("balanced_accuracy"));
        Assert.Equal(Verdict.NotReproduced, VerdictOf(fewer, "base.validation.balanced_accuracy"));

        var (emptyChecks, _) = FigureComparison.Compare(Doc("""{ "steps": [] }"""), Doc(Metrics), Tolerance);
        Assert.Contains(emptyChecks, c => c.Path == "steps" && c.Verdict == Verdict.NotReproduced);
        Assert.Contains(emptyChecks, c => c.Path == "base.validation.accuracy" && c.Committed == "(missing)");
    }

    /// <summary>A report made before a field existed verifies against a rerun that writes it as null (not applicable).</summary>
    [Fact]
    public void A_null_field_a_newer_tool_writes_equals_the_key_an_older_report_lacks()
    {
        var newer = Edited(s => s["test_without_train_copies"] = null);
        var (checks, _) = FigureComparison.Compare(Doc(Metrics), newer, Tolerance);
        Assert.DoesNotContain(checks, c => c.Path.Contains("test_without_train_copies", StringComparison.Ordinal));
        Assert.All(checks, c => Assert.Equal(Verdict.Identical, c.Verdict));
        // The other way round too; but a value where the other side has none is still a failure.
        Assert.DoesNotContain(FigureComparison.Compare(newer, Doc(Metrics), Tolerance).Checks, c => c.Verdict != Verdict.Identical);
        Assert.Equal(Verdict.NotReproduced, VerdictOf(Edited(s => s["test_without_train_copies"] = 0.5), "base.test_without_train_copies"));
    }

    [Fact]
    public void A_result_with_no_figures_is_not_reproduced()
    {
        var result = new VerificationResult("r", [], []);
        Assert.False(result.Reproduced);
    }

    /// <summary>Committed <c>steps: []</c>: every reproduced figure is missing there, and a text field is a label, not a "(rate)".</summary>
    [Fact]
    public void Text_fields_are_labels_whatever_their_name()
    {
        var checks = FigureComparison.Compare(Doc("""{ "steps": [] }"""), Doc(Metrics), Tolerance).Checks;
        Assert.Equal("label", checks.Single(c => c.Path == "base.name").Kind);
        Assert.Equal("label", checks.Single(c => c.Path == "base.model").Kind);
        Assert.Equal("label", checks.Single(c => c.Path == "base.validation.per_class[0].class").Kind);
        // A null (base.test) is "not applicable", the same as absent: not a difference at all.
        Assert.DoesNotContain(checks, c => c.Path == "base.test");
        Assert.Equal("rate", checks.Single(c => c.Path == "base.validation.accuracy").Kind);
        Assert.Equal("count", checks.Single(c => c.Path == "base.validation.images").Kind);
        Assert.All(checks, c => Assert.Equal(Verdict.NotReproduced, c.Verdict));
    }
}
