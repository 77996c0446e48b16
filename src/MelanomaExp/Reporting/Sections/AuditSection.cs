using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The data-quality audit (<see cref="AuditMarkdown"/>) and its example pairs side by side.</summary>
internal sealed class AuditSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => AuditMarkdown.Write(md, run.Dataset.Audit);

    public IEnumerable<SectionFile> Files(RunResult run)
    {
        // Only when there is a pair to show: the Markdown links the picture under the same condition.
        if (run.Dataset.Audit is { Examples.Count: > 0 } audit)
        {
            yield return new(ReportFiles.AuditPairs, path => AuditMarkdown.WriteExamples(audit, run.Dataset.ImageHeight, run.Dataset.ImageWidth, path));
        }
    }
}
