using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>What reproducing the numbers needs (<see cref="ProvenanceMarkdown"/>); manifest.json, which it links, is the report's data, not this section's file.</summary>
internal sealed class ProvenanceSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => ProvenanceMarkdown.Write(md, run);

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
