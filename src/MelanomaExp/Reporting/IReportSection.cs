using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>
/// One part of a run's report, in the manner of BenchmarkDotNet's exporters: its Markdown and the files that Markdown links
/// live in one class, so a new part is that class and one line in <see cref="ReportSections.Default"/>, not edits spread over
/// the renderer, the writer and the list of the report's files.
/// </summary>
internal interface IReportSection
{
    /// <summary>Appends the section's Markdown; a section with nothing to say about this run appends nothing.</summary>
    void Write(StringBuilder md, RunResult run);

    /// <summary>
    /// The files the section adds to the report folder for this run, each with how to draw it: name and drawing in one list, so
    /// the folder's contents can be known without drawing and a section cannot draw a file it does not name.
    /// </summary>
    IEnumerable<SectionFile> Files(RunResult run);
}

/// <param name="Name">The path inside the report folder, with forward slashes, as the Markdown links it (<see cref="ReportFiles"/>).</param>
/// <param name="Draw">Writes the file to the full path it is given; the writer has created its folder.</param>
internal sealed record SectionFile(string Name, Action<string> Draw);
