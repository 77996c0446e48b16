using MelanomaExp.Acquisition;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Config;
using MelanomaExp.Data.Audit;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>audit FILE|DIR...</c>: duplicates, near duplicates, label conflicts and pairs across folders.</summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Folders of class folders, or experiment files (their train and test folders)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the counts as JSON" };
        var threshold = NumberOptions.Whole("--threshold", "Near-duplicate threshold in bits of the 64-bit perceptual hash", 0, 64, AuditDefaults.Threshold);
        var pictures = new Option<string?>("--pairs-png") { Description = "Write example near-duplicate pairs side by side to this PNG" };
        var dataRoot = new Option<string?>("--data-root") { Description = "Data root for experiment files (default: MELANOMA_EXP_DATA, else data.root)" };
        var command = new Command("audit", "Find duplicate, near-duplicate and conflicting images in class folders") { inputs, json, threshold, dataRoot, pictures };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var folders = parse.GetValue(inputs)!.SelectMany(i => Folders(i, parse.GetValue(dataRoot))).ToList();
            var png = parse.GetValue(pictures) is { } requested
                ? Safety.OutputFile.ClaimPng(requested, folders.Aggregate(new Safety.OutputRules(), (r, f) => r.Data(f)), "--pairs-png")
                : null;
            var audit = FolderAudit.Run(folders, parse.GetValue(threshold));
            var f = audit.Findings;
            if (png is not null)
            {
                Reporting.AuditPairsGrid.Write(audit.Store, f.NearPairs.OrderBy(p => p.Distance), png, max: 12);
            }
            if (parse.GetValue(json))
            {
                var doc = new JsonObject
                {
                    ["folders"] = new JsonArray([.. folders.Select(x => (JsonNode?)x)]),
                    ["images"] = f.Images,
                    ["threshold"] = f.Threshold,
                    ["exact_duplicate_pairs"] = f.ExactPairs.Count(),
                    ["near_duplicate_pairs"] = f.NearPairs.Count(),
                    ["label_conflict_pairs"] = f.Conflicts.Count(),
                    ["cross_split_pairs"] = audit.CrossFolderPairs,
                    ["conflicts_by_class_pair"] = new JsonArray([.. audit.ConflictsByClassPair().Select(c => (JsonNode?)new JsonObject { ["classes"] = new JsonArray(c.First, c.Second), ["pairs"] = c.Pairs })]),
                };
                output.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            output.WriteLine($"{f.Images} images in {string.Join(", ", folders)}");
            output.WriteLine($"exact duplicate pairs: {f.ExactPairs.Count()}");
            output.WriteLine($"near duplicate pairs (perceptual hash within {f.Threshold} bits, flips and quarter turns included): {f.NearPairs.Count()}");
            // Worded as in the report's data-quality table, so the two never seem to disagree.
            output.WriteLine($"label conflicts (same picture, two classes): {f.Conflicts.Count()} pairs ({f.Conflicts.Count(p => p.Exact)} identical, {f.Conflicts.Count(p => !p.Exact)} within the threshold; {f.Conflicts.SelectMany(p => new[] { p.A, p.B }).Distinct().Count()} distinct files)");
            foreach (var (a, b, n) in audit.ConflictsByClassPair())
            {
                output.WriteLine($"  {a} / {b}: {n}");
            }
            if (folders.Count > 1)
            {
                output.WriteLine($"pairs across folders: {audit.CrossFolderPairs}");
            }
            output.WriteLine("non-identical pairs by hash distance (same class / different classes), to choose --threshold:");
            foreach (var d in f.NearPairs.GroupBy(p => p.Distance).OrderBy(g => g.Key))
            {
                var conflicting = d.Count(p => f.Labels[p.A] != f.Labels[p.B]);
                output.WriteLine($"  {d.Key,2} bits: {d.Count() - conflicting} / {conflicting}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IEnumerable<string> Folders(string input, string? dataRoot)
    {
        if (Directory.Exists(input))
        {
            return [input];
        }
        if (!File.Exists(input))
        {
            throw new BadInputException($"{input}: no such folder or experiment file");
        }
        var experiment = ExperimentLoader.Load(input);
        var root = DataRoot.Resolve(dataRoot, experiment.Data.Root);
        return experiment.Data.Test is { } test ? [Path.Combine(root, experiment.Data.Train), Path.Combine(root, test)] : [Path.Combine(root, experiment.Data.Train)];
    }
}
