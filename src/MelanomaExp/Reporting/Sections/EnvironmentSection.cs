using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The machine and libraries the run used, which a reader needs to judge whether a rerun elsewhere should match.</summary>
internal sealed class EnvironmentSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        var env = run.Environment;
        md.AppendLine("## Environment");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(Inv($"| tool | melanoma-exp {env.ToolVersion} |"));
        md.AppendLine(Inv($"| device | {env.Device} |"));
        md.AppendLine(Inv($"| CPU | {env.Cpu}{(env.CpuMicroarchitecture is { } micro ? $" ({micro})" : "")}, {env.Cores} logical cores, {env.TorchThreads} torch threads{(env.CpuBf16 is { } bf16 ? $"; bfloat16 in hardware: {bf16}" : "")} |"));
        md.AppendLine(Inv($"| OS | {env.Os} |"));
        md.AppendLine(Inv($"| .NET | {env.Dotnet} |"));
        md.AppendLine(Inv($"| TorchSharp | {env.TorchSharp} (native bridge: {env.NativeLibrary}) |"));
        md.AppendLine();
    }

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
