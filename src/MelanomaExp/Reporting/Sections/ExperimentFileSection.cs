using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The experiment exactly as it ran, last because it is long and mostly for rerunning.</summary>
internal sealed class ExperimentFileSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Experiment file (resolved)");
        md.AppendLine();
        md.AppendLine(Inv($"Read from `{run.Experiment.SourcePath}`, with defaults and `--set` overrides applied. The data root (`{run.Dataset.Root}`) is where the images were on this machine; it is not part of the experiment hash."));
        md.AppendLine();
        md.AppendLine("```yaml");
        md.Append(run.Experiment.ResolvedYaml);
        md.AppendLine("```");
    }

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
