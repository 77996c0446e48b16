using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>Writes every file of a report into a folder: README.md and the sections' charts around the data files of <see cref="ReportFolderWriter"/>.</summary>
internal static class ReportWriter
{
    /// <param name="run">The run.</param>
    /// <param name="folder">The report folder, created if missing.</param>
    /// <param name="kept">Files a person added to the folder, which the rerun keeps (<see cref="Safety.OutputFolder.Kept"/>): the README names them.</param>
    public static void Write(RunResult run, string folder, IReadOnlyList<string>? kept = null) => Write(run, folder, kept ?? [], ReportSections.Default);

    /// <param name="run">The run.</param>
    /// <param name="folder">The report folder, created if missing.</param>
    /// <param name="kept">Files a person added to the folder, which the rerun keeps: the README names them.</param>
    /// <param name="sections">A caller's own sections (<see cref="ReportSections.Default"/> with more, fewer or others) instead of changing the default list for everyone.</param>
    internal static void Write(RunResult run, string folder, IReadOnlyList<string> kept, IReadOnlyList<IReportSection> sections)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in sections.SelectMany(s => s.Files(run)))
        {
            var path = Path.Combine(folder, file.Name);
            // Here rather than in each section: a name may sit in a subfolder (mistakes/), and no section should have to remember it.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            file.Draw(path);
        }
        ReportFolderWriter.Write(run, folder);
        File.WriteAllText(Path.Combine(folder, ReportFiles.Readme), MarkdownReport.Render(run, kept, sections));
    }

    /// <summary>
    /// The files <see cref="Write(RunResult, string, IReadOnlyList{string}, IReadOnlyList{IReportSection})"/> puts in the folder, relative to it with forward slashes,
    /// known without drawing anything: README.md, the data files and each section's files.
    /// </summary>
    internal static IEnumerable<string> Files(RunResult run, IReadOnlyList<IReportSection> sections) =>
        new[] { ReportFiles.Readme }.Concat(ReportFolderWriter.Files).Concat(sections.SelectMany(s => s.Files(run)).Select(f => f.Name));
}
