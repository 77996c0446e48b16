using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class MarkdownReportTests
{
    private static string GoldenPath => Path.Combine(RepoPaths.Root, "tests", "MelanomaExp.Tests", "Golden", "report.md");

    /// <summary>
    /// The report text is what reviewers read, so it is pinned. After an intended change, regenerate with
    /// <c>UPDATE_GOLDEN=1 dotnet test --filter MarkdownReportTests</c> and review the diff.
    /// </summary>
    [Fact]
    public void Matches_the_golden_file()
    {
        var actual = MarkdownReport.Render(FixedRun.Create());
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual);
        }
        Assert.Equal(File.ReadAllText(GoldenPath), actual);
    }

    [Fact]
    public void Names_the_least_and_most_frequent_class_and_the_device()
    {
        var text = MarkdownReport.Render(FixedRun.Create());
        Assert.Contains("Least frequent in training: **seborrheic keratosis** (2, 18.18%)", text, StringComparison.Ordinal);
        Assert.Contains("most frequent: **melanoma** (6, 54.55%)", text, StringComparison.Ordinal);
        Assert.Contains("device **cpu**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_validation_images_is_na_and_named_as_left_out_of_the_macro_averages()
    {
        var run = FixedRun.Create();
        var text = MarkdownReport.Render(run);
        // Predicted once but never present: precision 0 (a wrong call), recall and F1 undefined.
        Assert.Contains("| seborrheic keratosis | 0.000 | n/a | n/a | 0 |", text, StringComparison.Ordinal);
        Assert.Contains("Left out, their recall and F1 being undefined (n/a in the per-class tables): validation: seborrheic keratosis (2 training images, none in validation)", text, StringComparison.Ordinal);
        // Balanced accuracy averages melanoma (1/2) and nevus (1/1); macro F1 the same two classes' F1 (2/3 and 1), not divided by 3.
        var validation = run.Steps[0].Validation.Metrics;
        Assert.Equal(0.75, validation.BalancedAccuracy, 12);
        Assert.Equal((2 / 3.0 + 1) / 2, validation.MacroF1, 12);
        Assert.Contains("75.00%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_comes_first_and_states_what_each_step_changed()
    {
        var text = MarkdownReport.Render(FixedRun.Create());
        Assert.True(text.IndexOf("## Summary", StringComparison.Ordinal) < text.IndexOf("## Training", StringComparison.Ordinal));
        Assert.Contains("- **dropout**: against **base**: `model.dropout` 0 → 0.2; `train.epochs` 2 → 3", text, StringComparison.Ordinal);
        Assert.Contains("(**confounded**: 2 settings differ", text, StringComparison.Ordinal);
        Assert.Contains("McNemar p = ", text, StringComparison.Ordinal);
        // 2 melanomas and 1 nevus: too few of a side for ROC AUC, specificity or an AUC test.
        Assert.DoesNotContain("DeLong p = ", text, StringComparison.Ordinal);
        Assert.Contains("Specificity and ROC AUC are not shown (–) for base on validation (2 melanoma, 1 other)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("roc-steps.png", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the model overfits", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_folder_leakage_is_claimed_only_when_a_validation_image_has_a_copy_in_training()
    {
        var run = FixedRun.Create();
        var leaky = MarkdownReport.Render(run);
        Assert.Contains("In this run 1 of the 4 validation images have a generated copy in training. **Validation accuracy of this step can be inflated by that leakage**", leaky, StringComparison.Ordinal);

        var steps = run.Steps.Select(s => s.Rebalance is { } r ? s with { Rebalance = r with { ValidationImagesWithCopyInTraining = 0 } } : s).ToList();
        var clean = MarkdownReport.Render(run with { Steps = steps });
        Assert.Contains("none of the 4 validation images has a copy in training", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("can be inflated by that leakage", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_with_ten_of_each_side_get_specificity_the_roc_and_the_auc_test()
    {
        var run = FixedRun.WithValidationOf(12, 12);
        var text = MarkdownReport.Render(run);
        Assert.Contains("DeLong p = ", text, StringComparison.Ordinal);
        Assert.Contains("roc-steps.png", text, StringComparison.Ordinal);
        Assert.DoesNotContain("base on validation (", text, StringComparison.Ordinal);
        // One image short on one side and the rule applies again.
        var tooFew = MarkdownReport.Render(FixedRun.WithValidationOf(12, 9));
        Assert.DoesNotContain("DeLong p = ", tooFew, StringComparison.Ordinal);
        Assert.Contains("base on validation (12 melanoma, 9 other)", tooFew, StringComparison.Ordinal);
    }
}
