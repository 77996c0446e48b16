using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The paired tests of each step against the one before it (<see cref="EvaluationMarkdown.Comparisons"/>), which the summary's sentences quote.</summary>
internal sealed class StepComparisonSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => EvaluationMarkdown.Comparisons(md, run);

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
