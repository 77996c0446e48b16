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
        Assert.Contains("Least frequent in training: **nevus** (3, 33.33%)", text, StringComparison.Ordinal);
        Assert.Contains("most frequent: **melanoma** (6, 66.67%)", text, StringComparison.Ordinal);
        Assert.Contains("device **cpu**", text, StringComparison.Ordinal);
    }
}
