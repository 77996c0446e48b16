using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The most confident validation mistakes (<see cref="MistakeGalleries"/>): a table of every step's and one gallery per kind of mistake.</summary>
internal sealed class MistakesSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => MistakeGalleries.Markdown(md, run);

    // A kind of mistake that never happened is a table row saying "none", with no picture.
    public IEnumerable<SectionFile> Files(RunResult run) =>
        from step in run.Steps
        from gallery in step.Mistakes.Where(g => g.Images.Count > 0)
        select new SectionFile(ReportFiles.Mistakes(step.Name, gallery.Actual, gallery.Predicted), path => MistakeGalleries.Draw(run, step, gallery, path));
}
