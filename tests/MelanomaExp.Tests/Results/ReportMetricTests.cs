using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

public class ReportMetricTests
{
    [Fact]
    public void Every_metric_reads_back_from_metrics_json_the_value_it_takes_from_the_result()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        ReportWriter.Write(run, dir.Path);
        var report = ReportFolder.Read(dir.Path);
        var checkedValues = 0;
        foreach (var metric in ReportMetric.All)
        {
            foreach (var (step, written) in run.Steps.Zip(report.Steps))
            {
                // NaN and absent figures are written as null.
                var expected = metric.Of(step) is { } v && double.IsFinite(v) ? v : (double?)null;
                Assert.True(expected == metric.Read(written.Metrics), $"{step.Name}.{metric.Name}: {expected} written, {metric.Read(written.Metrics)} read");
                checkedValues += expected is null ? 0 : 1;
            }
        }
        // The fixed run has a test set and a positive class, so most figures are real numbers, not nulls on both sides.
        Assert.True(checkedValues >= ReportMetric.All.Count, $"only {checkedValues} non-null figures");
        Assert.Equal(run.Steps[0].Validation.Metrics.Accuracy, ReportMetric.Named("val_accuracy").Read(report.Steps[0].Metrics));
        Assert.Equal(run.Steps[1].Last.TrainLoss, ReportMetric.Named("train_loss").Read(report.Steps[1].Metrics));
    }

    [Fact]
    public void Names_are_unique_and_each_consumer_picks_from_the_one_list_in_its_published_order()
    {
        Assert.Equal(ReportMetric.All.Count, ReportMetric.All.Select(m => m.Name).Distinct().Count());
        Assert.Equal(
            ["train_accuracy", "val_accuracy", "train_loss", "val_loss", "val_balanced_accuracy", "val_positive_auc", "test_accuracy"],
            ReportMetric.Verified.Select(m => m.Name));
        Assert.Equal(
            ["val_accuracy", "val_balanced_accuracy", "val_macro_f1", "val_positive_sensitivity", "val_positive_specificity",
             "val_positive_sensitivity_at_threshold", "val_positive_specificity_at_threshold", "val_positive_auc",
             "test_accuracy", "test_balanced_accuracy", "test_macro_f1", "test_positive_sensitivity", "test_positive_specificity",
             "test_positive_sensitivity_at_threshold", "test_positive_specificity_at_threshold", "test_positive_auc"],
            ReportMetric.Studied.Select(m => m.Name));
        Assert.All(ReportMetric.Verified.Concat(ReportMetric.Studied).Concat(ReportMetric.SeedSummary), m => Assert.Contains(m, ReportMetric.All));
        Assert.True(ReportMetric.Named("val_loss").IsLoss);
        Assert.False(ReportMetric.Named("val_positive_auc").Percent);
        Assert.Throws<ArgumentException>(() => ReportMetric.Named("val_acc"));
    }
}
