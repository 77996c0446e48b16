using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Class by group and how well the group alone predicts the class (<see cref="GroupMarkdown.Association"/>), when the data has groups.</summary>
internal sealed class GroupsSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => GroupMarkdown.Association(md, run.Dataset.Groups);

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
