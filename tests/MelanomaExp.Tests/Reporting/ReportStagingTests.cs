using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportStagingTests
{
    [Fact]
    public void An_abandoned_run_leaves_the_previous_report_untouched()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "README.md"), "good report");
        using (var staging = ReportStaging.Begin(target))
        {
            File.WriteAllText(Path.Combine(staging.Path, "README.md"), "half");
        }
        Assert.Equal("good report", File.ReadAllText(Path.Combine(target, "README.md")));
        Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_replaces_the_previous_report_whole()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.png"), "old");
        using (var staging = ReportStaging.Begin(target))
        {
            File.WriteAllText(Path.Combine(staging.Path, "README.md"), "new");
            staging.Commit();
        }
        Assert.Equal(["README.md"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["report"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Staging_folders_of_dead_processes_are_removed()
    {
        using var dir = new TempDir();
        var stale = dir.Combine(".report.staging-999999999");
        Directory.CreateDirectory(stale);
        using (ReportStaging.Begin(dir.Combine("report")))
        {
            Assert.False(Directory.Exists(stale));
        }
    }
}
