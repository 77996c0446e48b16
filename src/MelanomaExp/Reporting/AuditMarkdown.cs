using System.Text;
using MelanomaExp.Data.Audit;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The report's data-quality section and its example pairs (metrics.json's <c>audit</c> object is <see cref="Results.AuditJson"/>).</summary>
internal static class AuditMarkdown
{
    public static void Write(StringBuilder md, AuditSummary? a)
    {
        if (a is null)
        {
            return;
        }
        md.AppendLine("## Data quality");
        md.AppendLine();
        md.AppendLine(Inv($"Policies: duplicates `{a.Policy.Duplicates.ToString().ToLowerInvariant()}`, conflicts `{a.Policy.Conflicts.ToString().ToLowerInvariant()}`, leakage `{a.Policy.Leakage.ToString().ToLowerInvariant()}`, near-duplicate threshold {a.Policy.NearDuplicateThreshold} bits of a 64-bit DCT hash (flips and quarter turns included)."));
        md.AppendLine();
        md.AppendLine("| finding | count |");
        md.AppendLine("| --- | ---: |");
        md.AppendLine(Inv($"| images audited | {a.Images} |"));
        md.AppendLine(Inv($"| byte- or pixel-identical pairs | {a.ExactDuplicatePairs} |"));
        md.AppendLine(Inv($"| near-duplicate pairs | {a.NearDuplicatePairs} |"));
        var conflictDetail = a.ExactConflictPairs is { } exact && a.ConflictImages is { } files
            ? Inv($" ({exact} identical, {a.LabelConflictPairs - exact} within the threshold; {files} distinct files)")
            : "";
        md.AppendLine(Inv($"| label conflicts (same picture, two classes): pairs{conflictDetail} | {a.LabelConflictPairs} |"));
        md.AppendLine(Inv($"| images removed as duplicates | {a.RemovedDuplicates} |"));
        md.AppendLine(Inv($"| images removed as conflicting (every file of a conflicting pair) | {a.RemovedConflicts} |"));
        md.AppendLine(Inv($"| images in duplicate groups{(a.Policy.Leakage == Config.LeakagePolicy.Group ? " (kept on one side of the split)" : "")} | {a.GroupedImages} |"));
        md.AppendLine(Inv($"| duplicate pairs straddling training and validation | {a.TrainValidationPairs} |"));
        if (a.TrainTestPairs is { } t)
        {
            var same = a.TrainTestCopies.Count(c => c.SameLabel);
            md.AppendLine(Inv($"| training images duplicating test images | {t} |"));
            // Only when every copy is named (a summary from before they were listed has the count alone).
            if (a.TrainTestCopies.Count == t)
            {
                md.AppendLine(Inv($"| of which the same label (a leak: the model saw the answer) | {same} |"));
                md.AppendLine(Inv($"| of which another label (a label conflict between the splits) | {t - same} |"));
            }
        }
        md.AppendLine();
        if (a.TrainTestCopies.Count > 0)
        {
            md.AppendLine("Test images that are copies of training images (every test figure includes them):");
            md.AppendLine();
            md.AppendLine("| test image | its label | training image | its label | copy |");
            md.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var c in a.TrainTestCopies)
            {
                md.AppendLine(Inv($"| {Path.GetFileName(c.TestFile)} | {c.TestClass} | {Path.GetFileName(c.TrainFile)} | {c.TrainClass} | {(c.Exact ? "identical" : "near")}{(c.SameLabel ? ", leak" : ", conflict")} |"));
            }
            md.AppendLine();
        }
        if (a.ConflictsByClassPair.Count > 0)
        {
            md.AppendLine("| conflicting classes | pairs (identical and near) |");
            md.AppendLine("| --- | ---: |");
            foreach (var (first, second, pairs) in a.ConflictsByClassPair)
            {
                md.AppendLine(Inv($"| {first} / {second} | {pairs} |"));
            }
            md.AppendLine();
        }
        if (a.Examples.Count > 0)
        {
            md.AppendLine(Inv($"Examples, side by side:"));
            md.AppendLine();
            md.AppendLine(Inv($"![Example duplicate and conflicting pairs]({ReportFiles.AuditPairs})"));
            md.AppendLine();
        }
    }

    public static void WriteExamples(AuditSummary? a, int height, int width, string path)
    {
        if (a is null || a.Examples.Count == 0)
        {
            return;
        }
        var tiles = a.Examples.SelectMany(e => new[] { new Tile(e.A, e.CaptionA.Split('\n')), new Tile(e.B, e.CaptionB.Split('\n')) }).ToList();
        File.WriteAllBytes(path, TileGrid.Encode(tiles, height, width, columns: 2));
    }
}
