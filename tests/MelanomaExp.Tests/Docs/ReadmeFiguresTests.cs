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

    /// <summary>The transfer paragraph's Test and validation figures, read from the run it quotes.</summary>
    [Fact]
    public void The_transfer_paragraph_quotes_its_run()
    {
        var paragraph = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        paragraph = paragraph[paragraph.IndexOf("**Transfer learning, first seed**", StringComparison.Ordinal)..];
        paragraph = paragraph[..paragraph.IndexOf("\n\n", StringComparison.Ordinal)];
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "reports", "transfer", "runs", "default-seed123", "metrics.json")));
        var steps = metrics.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        static double At(System.Text.Json.JsonElement e, params string[] path) => path.Aggregate(e, (x, p) => x.GetProperty(p)).GetDouble();
        string Pct(double v) => (v * 100).ToString("0.00", CultureInfo.InvariantCulture);
        string Auc(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var tuned = steps["fine-tuned"];
        string[] expected =
        [
            $"validation accuracy {Pct(At(tuned, "validation", "accuracy"))}%",
            $"balanced {Pct(At(tuned, "validation", "balanced_accuracy"))}%",
            $"melanoma ROC AUC {Auc(At(tuned, "validation", "positive_class", "roc_auc", "value"))}",
            $"balanced accuracy {Pct(At(tuned, "test", "balanced_accuracy"))}% ({Pct(At(tuned, "test", "balanced_accuracy_ci", "ci95_low"))}-{Pct(At(tuned, "test", "balanced_accuracy_ci", "ci95_high"))})",
            $"ROC AUC {Auc(At(tuned, "test", "positive_class", "roc_auc", "value"))} ({Auc(At(tuned, "test", "positive_class", "roc_auc", "ci95_low"))}-{Auc(At(tuned, "test", "positive_class", "roc_auc", "ci95_high"))})",
            $"seed CNN's {Pct(At(steps["seed-cnn"], "test", "balanced_accuracy"))}%",
            $"and {Auc(At(steps["seed-cnn"], "test", "positive_class", "roc_auc", "value"))} in the same run",
            $"trained head: {Pct(At(steps["frozen"], "test", "balanced_accuracy"))}% and {Auc(At(steps["frozen"], "test", "positive_class", "roc_auc", "value"))}",
            $"Test AUC ({Auc(At(steps["seed-cnn-colour"], "test", "positive_class", "roc_auc", "value"))})",
            $"network's ({Auc(At(steps["fine-tuned-colour"], "test", "positive_class", "roc_auc", "value"))})",
        ];
        var flat = paragraph.ReplaceLineEndings(" ");
        Assert.All(expected, e => Assert.True(flat.Contains(e, StringComparison.Ordinal), $"README's transfer paragraph lacks '{e}'"));
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| [^|]+\(`([a-z0-9-]+)`\) \|")]
    private static partial Regex StudyRow();
}
