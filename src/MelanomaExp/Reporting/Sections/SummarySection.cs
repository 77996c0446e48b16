using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The report's first screen (<see cref="SummaryMarkdown"/>); it owns the every-step ROC and precision-recall charts because its sentences cite them (no ROC when no set has 10 images of each side).</summary>
internal sealed class SummarySection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => SummaryMarkdown.Write(md, run);

    public IEnumerable<SectionFile> Files(RunResult run)
    {
        // The first step decides, as the summary table's columns do: without a positive class there is no curve to draw.
        if (run.Steps[0].Validation.Positive is not { } first)
        {
            yield break;
        }
        if (SummaryMarkdown.HasRoc(run))
        {
            yield return new(ReportFiles.RocSteps, path => EvaluationCharts.RocCurves(StepEvaluations.Labelled(run), $"{first.PositiveClass} vs rest, every step", path));
        }
        yield return new(ReportFiles.PrecisionRecallSteps, path => PrecisionRecallChart.Write(StepEvaluations.Labelled(run), $"{first.PositiveClass} precision-recall, every step", path));
    }
}
