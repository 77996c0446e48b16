using System.Globalization;
using System.Text.RegularExpressions;
using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Docs;

/// <summary>
/// The README's figures are typed by hand, so they are checked against the reports they quote: a rerun or a
/// re-collected study that moves a figure fails here until the README says the new one.
/// </summary>
public partial class ReadmeFiguresTests
{
    [Fact]
    public void The_validation_scheme_table_is_what_the_two_studies_give()
    {
        var rows = File.ReadLines(Path.Combine(RepoPaths.Root, "README.md"))
            .Select(line => (Line: line, Match: StudyRow().Match(line)))
            .Where(r => r.Match.Success)
            .ToList();
        Assert.Equal(2, rows.Count);
        foreach (var (line, match) in rows)
        {
            var study = StudyCollector.Collect(Path.Combine(RepoPaths.Root, "reports", match.Groups[1].Value));
            var agreements = RankAgreement.Of(study.Cells);
            var expected = string.Join(" | ", agreements.Select(a => $"{F(a.TauOfMeans)} | {F(a.TauPerSeed.Average())} ({F(a.TauPerSeed.Min())} to {F(a.TauPerSeed.Max())})"));
            Assert.Equal(["val_balanced_accuracy", "val_positive_auc", "val_accuracy"], agreements.Select(a => a.Validation));
            Assert.EndsWith($"| {expected} |", line, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The transfer paragraph's figures, read from the study it quotes: means over the seeds with their 95% intervals,
    /// the step validation ranks first, and the cost of a run.
    /// </summary>
    [Fact]
    public void The_transfer_paragraph_quotes_its_study()
    {
        var paragraph = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = paragraph.IndexOf("**Transfer learning", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no transfer paragraph");
        paragraph = paragraph[start..];
        paragraph = paragraph[..paragraph.IndexOf("\n\n", StringComparison.Ordinal)].ReplaceLineEndings(" ");
        var study = StudyCollector.Collect(Path.Combine(RepoPaths.Root, "reports", "transfer"));
        StudyCell Cell(string step, string metric) => study.Cells.Single(c => c.Step == step && c.Metric.Name == metric);
        string Mean(string step, string metric, bool percent)
        {
            var statistic = Cell(step, metric).Statistic;
            string V(double v) => percent ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) : v.ToString("0.000", CultureInfo.InvariantCulture);
            return $"{V(statistic.Mean)}{(percent ? "%" : "")} ({V(statistic.Interval95.Low)}-{V(statistic.Interval95.High)})";
        }
        var first = study.Cells.Where(c => c.Metric.Name == "val_balanced_accuracy").MaxBy(c => c.Statistic.Mean)!.Step;
        var seeds = Cell(first, "test_balanced_accuracy").Values.Count;
        string Minutes(IEnumerable<double> seconds) =>
            $"{(seconds.Min() / 60).ToString("0", CultureInfo.InvariantCulture)}-{(seconds.Max() / 60).ToString("0", CultureInfo.InvariantCulture)} minutes";
        var tuned = study.Costs.Single(c => c.Step == "fine-tuned").Seconds;
        // Each run's steps summed: the runs that have every step (all of them here).
        var summed = study.Costs.SelectMany(c => c.Seeds.Zip(c.Seconds)).GroupBy(p => p.First).Select(g => g.Sum(p => p.Second));
        string Difference(string a, string b)
        {
            var c = study.Comparisons.Single(x => x.Between == "steps" && x.A == a && x.B == b && x.Metric == "test_balanced_accuracy");
            string P(double v) => (v * 100).ToString("0.00", CultureInfo.InvariantCulture);
            return $"{(c.Mean * 100).ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} points ({P(c.Mean - c.HalfWidth!.Value)} to {P(c.Mean + c.HalfWidth!.Value)}), " +
                $"Holm-adjusted p {c.AdjustedPValue!.Value.ToString("0.000", CultureInfo.InvariantCulture)}";
        }
        string[] expected =
        [
            $"**Transfer learning, {seeds} seeds**",
            $"fine-tuned against frozen: {Difference("frozen", "fine-tuned")}",
            $"frozen against the seed CNN: {Difference("seed-cnn", "frozen")}",
            $"validation ranks **{first}** first",
            $"validation balanced accuracy {Mean(first, "val_balanced_accuracy", true)}",
            $"Test balanced accuracy {Mean(first, "test_balanced_accuracy", true)}",
            $"Test melanoma ROC AUC {Mean(first, "test_positive_auc", false)}",
            $"seed CNN's {Mean("seed-cnn", "test_balanced_accuracy", true)} and {Mean("seed-cnn", "test_positive_auc", false)}",
            $"trained head: {Mean("frozen", "test_balanced_accuracy", true)} and {Mean("frozen", "test_positive_auc", false)}",
            $"seed CNN {Mean("seed-cnn-colour", "test_balanced_accuracy", true)} and {Mean("seed-cnn-colour", "test_positive_auc", false)}",
            $"fine-tuned {Mean("fine-tuned-colour", "test_balanced_accuracy", true)} and {Mean("fine-tuned-colour", "test_positive_auc", false)}",
            $"Fine-tuning took {Minutes(tuned)}",
            $"the six steps' training summed {Minutes(summed)}",
        ];
        Assert.All(expected, e => Assert.True(paragraph.Contains(e, StringComparison.Ordinal), $"README's transfer paragraph lacks '{e}'"));
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| [^|]+\(`([a-z0-9-]+)`\) \|")]
    private static partial Regex StudyRow();
}
