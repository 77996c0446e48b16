using MelanomaExp.Results;
using MelanomaExp.Safety;

namespace MelanomaExp.Reporting;

/// <summary>
/// Writes what a run hands over into its output folder: the whole report staged beside it and swapped in
/// when complete (<see cref="ReportStaging"/>), or a seed study's summary.
/// </summary>
public sealed class ReportSink : IResultSink
{
    public static readonly ReportSink Instance = new(compact: false);

    /// <summary>Writes the data files and the README's text without charts or galleries (<see cref="CompactReport"/>): a sweep's runs.</summary>
    public static readonly ReportSink Compact = new(compact: true);

    private readonly bool _compact;

    private ReportSink(bool compact) => _compact = compact;

    public void Write(RunResult run, string models, OutputFolder target)
    {
        using var staging = ReportStaging.Begin(target);
        foreach (var step in run.Steps)
        {
            var to = Path.Combine(staging.Path, step.ModelDir);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            // A move, not a copy: the models sit beside the report folder (in the run's state), on the same file system.
            Directory.Move(Path.Combine(models, step.ModelDir), to);
        }
        if (_compact)
        {
            CompactReport.Write(run, staging.Path, target.Kept);
        }
        else
        {
            ReportWriter.Write(run, staging.Path, target.Kept);
        }
        staging.Commit();
    }

    public void Write(SeedStudyResult study, OutputFolder target)
    {
        SeedStudyReport.Write(study, target.Path);
        target.Record(ReportFiles.Readme, ReportFiles.SeedSummary);
    }
}
