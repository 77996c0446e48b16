using MelanomaExp.Safety;

namespace MelanomaExp.Results;

/// <summary>
/// Where a finished run or seed study goes. The runner hands its result over while it still holds the
/// output folder's lock and its working files, so writing the report is the sink's job, not the runner's
/// (Reporting's <c>ReportSink</c> writes the report folder; tests may keep the result only).
/// </summary>
public interface IResultSink
{
    /// <param name="run">The finished run.</param>
    /// <param name="models">The folder holding each step's saved model at its <see cref="StepResult.ModelDir"/>; the sink may move them away.</param>
    /// <param name="target">The output folder the runner claimed and holds the lock of.</param>
    void Write(RunResult run, string models, OutputFolder target);

    /// <param name="study">The seeds and their summary; each seed's run went through <see cref="Write(RunResult, string, OutputFolder)"/> before.</param>
    /// <param name="target">The study's folder (each seed's report is in <c>seed-N/</c> inside it).</param>
    void Write(SeedStudyResult study, OutputFolder target);
}
