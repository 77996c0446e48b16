using System.Globalization;
using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>
/// The report people commit and review (renders on GitHub). Its text is pinned by a golden-file test:
/// any change to what readers see shows up in review.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(RunResult run) => Render(run, []);

    /// <param name="run">The run.</param>
    /// <param name="kept">Files a person added to the report folder, kept by this rerun: listed under the title, so a reader knows they are not the tool's.</param>
    public static string Render(RunResult run, IReadOnlyList<string> kept) => Render(run, kept, ReportSections.Default);

    /// <summary>
    /// The title is the report's own, not a section's: the kept files it names belong to the folder, which no
    /// section sees.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="kept">Files a person added to the report folder, kept by this rerun: listed under the title, so a reader knows they are not the tool's.</param>
    /// <param name="sections">The sections, in reading order (<see cref="ReportSections.Default"/>).</param>
    internal static string Render(RunResult run, IReadOnlyList<string> kept, IReadOnlyList<IReportSection> sections)
    {
        var md = new StringBuilder();
        var e = run.Experiment;
        md.AppendLine(Inv($"# Experiment `{e.Name}`"));
        md.AppendLine();
        md.AppendLine(Inv($"melanoma-exp {run.Environment.ToolVersion} · experiment hash `{e.Hash}` · seed {e.Seed} · device **{run.Environment.Device}** · started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC · took {Duration(run.Finished - run.Started)}"));
        md.AppendLine();
        if (kept.Count > 0)
        {
            var links = string.Join(", ", kept.Select(f => $"[`{f}`](<{f}>)"));
            md.AppendLine(Inv($"Kept from the earlier folder, written by a person and not by melanoma-exp (untouched by this run): {links}."));
            md.AppendLine();
        }
        foreach (var section in sections)
        {
            section.Write(md, run);
        }
        return md.ToString();
    }

}
