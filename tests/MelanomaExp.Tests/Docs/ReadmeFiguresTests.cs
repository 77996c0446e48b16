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

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| [^|]+\(`([a-z0-9-]+)`\) \|")]
    private static partial Regex StudyRow();
}
