using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportSinkTests
{
    [Fact]
    public void Writes_the_whole_report_and_moves_the_models_in_replacing_its_earlier_report()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        var models = dir.Combine("state");
        foreach (var step in run.Steps)
        {
            Directory.CreateDirectory(Path.Combine(models, step.ModelDir));
            File.WriteAllText(Path.Combine(models, step.ModelDir, "weights.pt"), $"weights of {step.Name}");
        }
        var target = dir.Combine("report");
        ReportSink.Instance.Write(run, models, OutputFolder.Claim(target, "run"));
        // A second write replaces the first report, with the models from their new place.
        foreach (var step in run.Steps)
        {
            Directory.CreateDirectory(Path.Combine(models, step.ModelDir));
            File.WriteAllText(Path.Combine(models, step.ModelDir, "weights.pt"), $"new weights of {step.Name}");
        }
        ReportSink.Instance.Write(run, models, OutputFolder.Claim(target, "run"));

        Assert.Equal(MarkdownReport.Render(run), File.ReadAllText(Path.Combine(target, ReportFiles.Readme)));
        Assert.Equal(MetricsJson.Render(run), File.ReadAllText(Path.Combine(target, ReportFiles.Metrics)));
        foreach (var step in run.Steps)
        {
            Assert.Equal($"new weights of {step.Name}", File.ReadAllText(Path.Combine(target, step.ModelDir, "weights.pt")));
            Assert.False(Directory.Exists(Path.Combine(models, step.ModelDir)));
        }
        Assert.Equal(["base", "dropout"], ReportFolder.Read(target).Steps.Select(s => s.Name));
    }

    [Fact]
    public void A_missing_model_leaves_no_report_and_no_staging_folder()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        Assert.ThrowsAny<IOException>(() => ReportSink.Instance.Write(FixedRun.Create(), dir.Combine("no-models"), OutputFolder.Claim(target, "run")));
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetDirectories(dir.Path, ".report.staging-*"));
    }
}
