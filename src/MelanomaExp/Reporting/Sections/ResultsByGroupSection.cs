using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Each group's accuracy and sensitivity per step and set (<see cref="GroupMarkdown.PerGroup"/>), when the data has groups.</summary>
internal sealed class ResultsByGroupSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => GroupMarkdown.PerGroup(md, run);

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
