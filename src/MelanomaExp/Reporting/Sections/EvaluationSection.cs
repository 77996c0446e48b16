using System.Text;
using MelanomaExp.Evaluation;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The evaluation details of every step (<see cref="EvaluationMarkdown.Steps"/>) and the confusion matrices they link.</summary>
internal sealed class EvaluationSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => EvaluationMarkdown.Steps(md, run);

    // Validation and test only: the test set without its copies of training images is a row of the table, not a matrix of its own.
    public IEnumerable<SectionFile> Files(RunResult run) =>
        from step in run.Steps
        from set in new[] { step.Validation, step.Test }.OfType<SetEvaluation>()
        select new SectionFile(ReportFiles.Confusion(step.Name, set.Set), path => EvaluationCharts.Confusion(set, $"{step.Name}: confusion matrix ({set.Set})", path));
}
