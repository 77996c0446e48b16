using System.CommandLine;
using System.Globalization;
using MelanomaExp.Verification;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>compact REPORT</c>: takes the curve points predictions.csv gives exactly out of each metrics.json under a report or study folder.</summary>
internal static class CompactCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var report = new Argument<string>("report-dir") { Description = "A report folder, or a study folder (every report under it)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and measure only; write nothing" };
        var command = new Command("compact", "Leave a committed report's ROC and precision-recall points to its predictions.csv, after verify's integrity check (exit 3 if a report is damaged: then nothing is written)")
        {
            report, dryRun,
        };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var result = ReportCompaction.Compact(parse.GetValue(report)!, parse.GetValue(dryRun));
            foreach (var r in result.Reports)
            {
                var line = r.Note is { } note
                    ? $"{r.Dir}: {(r.Damaged ? "damaged: " : "")}{note}"
                    : string.Create(CultureInfo.InvariantCulture, $"{r.Dir}: metrics.json {r.BytesBefore:N0} -> {r.BytesAfter:N0} bytes");
                (r.Damaged ? errors : output).WriteLine(line);
            }
            var saved = result.Reports.Sum(r => r.BytesBefore - r.BytesAfter);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(result.NothingWritten ? "nothing written" : "compacted")}: {saved:N0} bytes {(result.NothingWritten ? "would be" : "were")} saved over {result.Reports.Count(r => r.BytesAfter < r.BytesBefore)} of {result.Reports.Count} reports"));
            return result.Damaged ? ExitCodes.NotReproduced : ExitCodes.Success;
        }));
        return command;
    }
}
