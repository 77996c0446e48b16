using MelanomaExp.Results;
using MelanomaExp.Reporting;
using MelanomaExp.Safety;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportStagingTests
{
    private static void WriteReport(string target, string file, string text)
    {
        using var staging = ReportStaging.Begin(OutputFolder.Claim(target, "run"));
        File.WriteAllText(Path.Combine(staging.Path, file), text);
        staging.Commit();
    }

    [Fact]
    public void An_abandoned_run_leaves_the_previous_report_untouched()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        WriteReport(target, "README.md", "good report");
        using (var staging = ReportStaging.Begin(OutputFolder.Claim(target, "run")))
        {
            File.WriteAllText(Path.Combine(staging.Path, "README.md"), "half");
        }
        Assert.Equal("good report", File.ReadAllText(Path.Combine(target, "README.md")));
        Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_replaces_the_previous_report_whole_and_marks_it()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        WriteReport(target, "stale.png", "old");
        WriteReport(target, "README.md", "new");
        Assert.Equal([OutputMarker.FileName, "README.md", ReportChecksums.FileName], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["README.md", ReportChecksums.FileName], OutputMarker.Read(target)!.Files);
        // The checksums list the report's files (not the marker, not themselves), and they match.
        Assert.EndsWith("  README.md\n", File.ReadAllText(Path.Combine(target, ReportChecksums.FileName)), StringComparison.Ordinal);
        Assert.Empty(ReportChecksums.Check(target)!);
        Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Staging_folders_of_dead_processes_are_removed()
    {
        using var dir = new TempDir();
        var stale = dir.Combine(".report.staging-999999999");
        Directory.CreateDirectory(stale);
        using (ReportStaging.Begin(OutputFolder.Claim(dir.Combine("report"), "run")))
        {
            Assert.False(Directory.Exists(stale));
        }
    }
}
