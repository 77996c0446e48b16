using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Expected calibration error per step and set (<see cref="CalibrationMarkdown"/>) and the reliability diagram of every step.</summary>
internal sealed class CalibrationSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => CalibrationMarkdown.Write(md, EvaluationMarkdown.Rows(run), ReportFiles.ReliabilitySteps);

    // Drawn even when no set has calibration figures, as before sections: the chart is then an empty frame.
    public IEnumerable<SectionFile> Files(RunResult run) =>
        [new(ReportFiles.ReliabilitySteps, path => ReliabilityChart.Write(StepEvaluations.Labelled(run), path))];
}
