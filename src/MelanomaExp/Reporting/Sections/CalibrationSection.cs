using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Expected calibration error per step and set (<see cref="CalibrationMarkdown"/>) and the reliability diagram of every step.</summary>
internal sealed class CalibrationSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => CalibrationMarkdown.Write(md, EvaluationMarkdown.Rows(run), ReportFiles.ReliabilitySteps);

    // Drawn even without calibration figures (the diagonal alone, which the Markdown then does not link), as it always was:
    // reports keep the files they had before sections.
    public IEnumerable<SectionFile> Files(RunResult run) =>
        [new(ReportFiles.ReliabilitySteps, path => ReliabilityChart.Write(StepEvaluations.Labelled(run), path))];
}
