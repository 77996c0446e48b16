using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Config;
using MelanomaExp.Documents;
using MelanomaExp.Evaluation;
using MelanomaExp.Results;
using MelanomaExp.Seeding;

namespace MelanomaExp.Verification;

/// <summary>
/// The per-image half of verify. Before a rerun, every figure of each committed evaluation is recomputed from the
/// committed predictions.csv with the evaluation's own code and settings (positive class, bootstrap seed) and must
/// equal metrics.json exactly: an edit of one image's worth in either file is caught on any hardware. After it, the
/// committed and rerun answers are paired image by image, so per-class and confusion differences are told as images
/// that changed answer.
/// </summary>
internal static class PredictionCheck
{
    /// <summary>Every evaluation whose recomputed figures differ from metrics.json, in words; empty when all agree or the report has no predictions.csv.</summary>
    public static IReadOnlyList<string> Recompute(CommittedReport report, Experiment experiment)
    {
        var classes = Classes(report);
        IReadOnlyList<PredictionRow>? rows;
        try
        {
            rows = PredictionsCsv.Read(Path.Combine(report.Dir, ReportFiles.Predictions), classes);
        }
        catch (BadInputException e)
        {
            // A damaged predictions.csv is a damaged report: not reproduced, not a bad command line.
            return [e.Message];
        }
        if (rows is null)
        {
            return [];
        }
        var problems = new List<string>();
        var seeds = new Seeds(experiment.Seed);
        foreach (var step in report.Folder.Steps)
        {
            double? validationThreshold = null;
            foreach (var (set, evaluation) in new[] { ("validation", step.Document.Validation), ("test", step.Document.Test) })
            {
                if (evaluation is null)
                {
                    continue;
                }
                var committed = step.Metrics.GetProperty(set);
                var mine = rows.Where(r => r.Step == step.Name && r.Set == set).ToList();
                var loss = evaluation.Loss ?? double.NaN;
                var positive = evaluation.PositiveClass?.Class;
                var settings = new EvaluationSettings(positive, experiment.Evaluation.BootstrapResamples, seeds.For("bootstrap", step.Name))
                {
                    OperatingThreshold = set == "test" ? validationThreshold : null,
                };
                SetEvaluation recomputed;
                try
                {
                    recomputed = Evaluate.Set(set, classes, [.. mine.Select(r => Index(classes, r.TrueClass))], [.. mine.Select(r => Index(classes, r.PredictedClass))], [.. mine.Select(r => r.Probabilities)], loss, settings);
                }
                catch (KeyNotFoundException e)
                {
                    problems.Add($"{ReportFiles.Predictions}: {step.Name} {set}: {e.Message}");
                    continue;
                }
                validationThreshold ??= recomputed.Positive?.YoudenThreshold;
                // Both sides parsed from text, so numbers compare as written, never by how they are held.
                // Curve points are compared where metrics.json has them (reports written before they were left to predictions.csv).
                var curvePoints = evaluation.PositiveClass?.Roc is not null;
                var fromPredictions = JsonNode.Parse(JsonSerializer.Serialize(EvaluationJson.Set(recomputed, curvePoints), ReportDocumentContext.Default.SetEvaluationDocument))!.AsObject();
                var inMetrics = JsonNode.Parse(committed.GetRawText())!.AsObject();
                // Per-group figures need the groups table, which the report does not carry: compared by the rerun instead.
                fromPredictions.Remove("by_group");
                inMetrics.Remove("by_group");
                if (FirstDifference(inMetrics, fromPredictions, $"{step.Name}.{set}") is { } path)
                {
                    problems.Add($"{ReportFiles.Metrics} and {ReportFiles.Predictions} disagree: {path} is not what the committed per-image predictions give");
                }
            }
        }
        return problems;
    }

    /// <summary>The committed and rerun answers of each step's validation and test images, paired by file; empty when either report has no predictions.csv.</summary>
    public static IReadOnlyList<ImagePairs> Pair(CommittedReport committed, CommittedReport fresh)
    {
        var classes = Classes(committed);
        if (!classes.SequenceEqual(Classes(fresh)))
        {
            return [];
        }
        var before = PredictionsCsv.Read(Path.Combine(committed.Dir, ReportFiles.Predictions), classes);
        var after = PredictionsCsv.Read(Path.Combine(fresh.Dir, ReportFiles.Predictions), classes);
        if (before is null || after is null)
        {
            return [];
        }
        var again = after.ToDictionary(r => (r.Step, r.Set, r.File));
        return [.. before.GroupBy(r => (r.Step, r.Set)).Select(g =>
        {
            var matched = g.Where(r => again.ContainsKey((r.Step, r.Set, r.File))).ToList();
            var labels = matched.Select(r => Index(classes, r.TrueClass)).ToArray();
            var first = matched.Select(r => Index(classes, r.PredictedClass)).ToArray();
            var second = matched.Select(r => Index(classes, again[(r.Step, r.Set, r.File)].PredictedClass)).ToArray();
            return new ImagePairs(g.Key.Step, g.Key.Set, matched.Count, first.Zip(second).Count(p => p.First != p.Second), McNemar.Test(labels, first, second));
        })];
    }

    private static List<string> Classes(CommittedReport report) =>
        [.. report.Folder.Classes];

    private static int Index(List<string> classes, string name) =>
        classes.IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException($"class '{name}' is not one of the report's classes");

    /// <summary>The path of the first figure on which the two trees differ, or null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (FirstDifference(x[key], y[key], $"{path}.{key}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return path;
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (FirstDifference(x[i], y[i], $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return JsonNode.DeepEquals(a, b) ? null : path;
        }
    }
}
