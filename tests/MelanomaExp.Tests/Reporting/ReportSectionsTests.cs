using System.Text;
using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportSectionsTests
{
    [Fact]
    public void A_section_a_caller_adds_writes_its_markdown_and_its_file_beside_the_default_report()
    {
        var run = FixedRun.Create();
        using var dir = new TempDir();
        IReadOnlyList<IReportSection> sections = [.. ReportSections.Default, new StepCountSection()];

        ReportWriter.Write(run, dir.Path, [], sections);

        // Appended last, so the default report comes first unchanged and the dummy's Markdown follows it.
        Assert.Equal(MarkdownReport.Render(run) + StepCountSection.Markdown, File.ReadAllText(dir.Combine(ReportFiles.Readme)));
        Assert.Equal("2 steps", File.ReadAllText(dir.Combine("extra", StepCountSection.FileName)));
        Assert.Equal(FilesIn(dir.Path), ReportWriter.Files(run, sections).Order(StringComparer.Ordinal));
        Assert.Contains($"extra/{StepCountSection.FileName}", ReportWriter.Files(run, sections));
        Assert.DoesNotContain($"extra/{StepCountSection.FileName}", ReportWriter.Files(run, ReportSections.Default));
    }

    [Fact]
    public void The_default_sections_name_every_file_the_report_folder_holds()
    {
        var run = FixedRun.Create();
        using var dir = new TempDir();

        ReportWriter.Write(run, dir.Path);

        var named = ReportWriter.Files(run, ReportSections.Default).ToList();
        Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FilesIn(dir.Path), named.Order(StringComparer.Ordinal));
        // The fixture exercises the conditional files too: a step-against-step chart, a generated-samples grid, a mistake gallery, Grad-CAM and audit pairs.
        foreach (var file in new[] { ReportFiles.AllSteps, ReportFiles.Generated("dropout"), "mistakes/base-melanoma-as-seborrheic-keratosis.png", ReportFiles.GradCam("dropout"), ReportFiles.AuditPairs })
        {
            Assert.Contains(file, named);
        }
    }

    private static List<string> FilesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>A section only this test knows: one line of Markdown linking one file in a subfolder of its own.</summary>
    private sealed class StepCountSection : IReportSection
    {
        public const string FileName = "step-count.txt";

        public const string Markdown = "## Step count\n\nSee [the count](extra/step-count.txt).\n";

        public void Write(StringBuilder md, RunResult run) => md.Append(Markdown);

        public IEnumerable<SectionFile> Files(RunResult run) =>
            [new($"extra/{FileName}", path => File.WriteAllText(path, $"{run.Steps.Count} steps"))];
    }
}
