using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

public class ReportFolderTests
{
    [Fact]
    public void Reads_back_what_the_report_folder_writer_wrote()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        ReportFolderWriter.Write(run, dir.Path);
        var report = ReportFolder.Read(dir.Path);
        Assert.Equal("fixed", report.ExperimentName);
        Assert.Equal(run.Experiment.Hash, report.ExperimentHash);
        Assert.Equal(["base", "dropout"], report.Steps.Select(s => s.Name));
        Assert.Equal(run.Steps[0].Epochs, report.Steps[0].Epochs);
        Assert.Equal(new string('b', 64), report.Steps[1].WeightsSha256);
        Assert.Equal(20.25, report.Steps[0].Seconds);
        Assert.Equal(0.5, ReportJson.Number(report.Steps[0].Metrics, "final", "val_accuracy"));
        Assert.Null(ReportJson.Number(report.Steps[0].Metrics, "final", "no_such_metric"));
    }

    [Fact]
    public void A_missing_or_damaged_report_is_null_for_try_read_and_a_clear_error_for_read()
    {
        using var dir = new TempDir();
        Assert.Null(ReportFolder.TryRead(dir.Path));
        ReportFolderWriter.Write(FixedRun.Create(), dir.Path);
        Assert.NotNull(ReportFolder.TryRead(dir.Path));
        File.WriteAllText(dir.Combine(ReportFiles.Metrics), "{ \"steps\": [ { \"name\": 3 } ] }");
        Assert.Null(ReportFolder.TryRead(dir.Path));
        var e = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Path));
        Assert.Contains(ReportFiles.Metrics, e.Message, StringComparison.Ordinal);
    }
}
