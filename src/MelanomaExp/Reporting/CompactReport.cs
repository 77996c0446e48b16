using System.Text.RegularExpressions;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>
/// A run's report without its charts and galleries: the data files (metrics.json, manifest.json, history.csv,
/// predictions.csv) and the README's text, for the runs of a sweep, whose charts are drawn at the study level. Five
/// runs of a study would otherwise commit five copies of every chart (tens of MB) that nobody compares one by one.
/// </summary>
internal static partial class CompactReport
{
    public const string Note = "A run of a study, written compactly: its figures and data files are all here, its charts and galleries are not " +
        "(the study's report draws them across runs; `melanoma-exp run` on this experiment without `--compact` draws them for this run).";

    public static void Write(RunResult run, string folder, IReadOnlyList<string> kept)
    {
        Directory.CreateDirectory(folder);
        ReportFolderWriter.Write(run, folder);
        File.WriteAllText(Path.Combine(folder, ReportFiles.Readme), Render(run, kept));
    }

    /// <summary>The full report's text with every image of an undrawn file left out and every link to one reduced to its text.</summary>
    public static string Render(RunResult run, IReadOnlyList<string> kept)
    {
        var undrawn = ReportSections.Default.SelectMany(s => s.Files(run)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var line in MarkdownReport.Render(run, kept).Split('\n'))
        {
            var text = Image().Replace(line, m => undrawn.Contains(m.Groups["file"].Value) ? "" : m.Value);
            text = Link().Replace(text, m => !undrawn.Contains(m.Groups["file"].Value) ? m.Value
                : m.Groups["text"].Value.Trim('`') == m.Groups["file"].Value ? "not drawn for a study's run" : m.Groups["text"].Value);
            // A line that held only images goes, rather than leaving a blank paragraph.
            if (text.Trim().Length == 0 && line.Trim().Length > 0)
            {
                continue;
            }
            lines.Add(text);
        }
        // After the title and its line of facts.
        var at = Math.Min(lines.Count, 4);
        lines.InsertRange(at, [Note, ""]);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\(<?(?<file>[^)>\s]+)>?\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]*)\]\(<?(?<file>[^)>\s]+)>?\)")]
    private static partial Regex Link();
}
