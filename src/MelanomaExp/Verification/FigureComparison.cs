using System.Globalization;
using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>
/// Every figure under <c>steps</c> in metrics.json, compared leaf by leaf with a tolerance chosen by its
/// kind: losses get the loss tolerance, rates and probabilities the accuracy tolerance, confusion-matrix
/// cells the accuracy tolerance times the images of their set, data counts and labels none. A figure
/// missing on either side, or of another type, is not reproduced. Timings (seconds, images per second)
/// and curve points (ROC, reliability bins, precision-recall; each summarised by a compared figure) are left out, and counted as left out.
/// </summary>
internal static class FigureComparison
{
    private static readonly HashSet<string> Timings = ["seconds", "images_per_second"];
    /// <summary>Curve points, each summarised by a compared figure (ROC by its AUC, reliability bins by the ECE, precision-recall by the average precision).</summary>
    private static readonly HashSet<string> Curves = ["roc", "reliability", "precision_recall"];
    private static readonly HashSet<string> Counts = ["epoch", "support", "images", "positives", "negatives"];

    public static (IReadOnlyList<FigureCheck> Checks, int LeftOut) Compare(JsonElement committed, JsonElement fresh, VerifySpec tolerance)
    {
        var before = Flatten(committed, out var leftOut);
        var after = Flatten(fresh, out _);
        var checks = new List<FigureCheck>();
        var steps = default(JsonElement);
        if (committed.ValueKind != JsonValueKind.Object || !committed.TryGetProperty("steps", out steps) || steps.ValueKind != JsonValueKind.Array || steps.GetArrayLength() == 0)
        {
            checks.Add(new FigureCheck("steps", "structure", steps.ValueKind == JsonValueKind.Undefined ? "(missing)" : Text(steps), "(steps)", 0, Verdict.NotReproduced));
        }
        foreach (var (path, value) in before)
        {
            // A null is "not applicable", the same as a key a report of another tool version does not write.
            if (value.ValueKind == JsonValueKind.Null && !after.ContainsKey(path))
            {
                continue;
            }
            var kind = Kind(path, value);
            var tol = kind switch
            {
                "loss" => tolerance.LossTolerance,
                "rate" => tolerance.AccuracyTolerance,
                "confusion" => tolerance.AccuracyTolerance * SetImages(before, path),
                _ => 0,
            };
            checks.Add(after.TryGetValue(path, out var again)
                ? new FigureCheck(path, kind, Text(value), Text(again), tol, Judge(value, again, tol))
                : new FigureCheck(path, kind, Text(value), "(missing)", tol, Verdict.NotReproduced));
        }
        foreach (var (path, value) in after.Where(a => !before.ContainsKey(a.Key) && a.Value.ValueKind != JsonValueKind.Null))
        {
            checks.Add(new FigureCheck(path, Kind(path, value), "(missing)", Text(value), 0, Verdict.NotReproduced));
        }
        return (checks, leftOut);
    }

    private static Verdict Judge(JsonElement a, JsonElement b, double tol)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            var (x, y) = (a.GetDouble(), b.GetDouble());
            return x.Equals(y) ? Verdict.Identical : Math.Abs(x - y) <= tol ? Verdict.WithinTolerance : Verdict.NotReproduced;
        }
        return a.ValueKind == b.ValueKind && Text(a) == Text(b) ? Verdict.Identical : Verdict.NotReproduced;
    }

    /// <summary>By the value first: a text, true/false or null is a label whatever its name (a step's name was called a "rate").</summary>
    private static string Kind(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return "label";
        }
        if (path.Contains(".confusion_matrix[", StringComparison.Ordinal))
        {
            return "confusion";
        }
        var leaf = Leaf(path);
        return leaf.Contains("loss", StringComparison.Ordinal) ? "loss" : Counts.Contains(leaf) ? "count" : "rate";
    }

    /// <summary>The images of the set a confusion-matrix cell belongs to (its sibling <c>images</c>).</summary>
    private static double SetImages(Dictionary<string, JsonElement> figures, string cell)
    {
        var set = cell[..cell.IndexOf(".confusion_matrix[", StringComparison.Ordinal)];
        return figures.TryGetValue(set + ".images", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : 0;
    }

    private static string Leaf(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }

    /// <summary>Every leaf under <c>steps</c>, by a path that names the step (<c>base.validation.accuracy</c>).</summary>
    private static Dictionary<string, JsonElement> Flatten(JsonElement metrics, out int leftOut)
    {
        var figures = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var skipped = 0;
        if (metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var name = step.ValueKind == JsonValueKind.Object && step.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()!
                    : $"steps[{index}]";
                Walk(step, name, figures, ref skipped);
                index++;
            }
        }
        leftOut = skipped;
        return figures;
    }

    private static void Walk(JsonElement e, string path, Dictionary<string, JsonElement> figures, ref int skipped)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (Timings.Contains(p.Name) || Curves.Contains(p.Name))
                    {
                        skipped += Count(p.Value);
                        continue;
                    }
                    Walk(p.Value, $"{path}.{p.Name}", figures, ref skipped);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), figures, ref skipped);
                }
                break;
            default:
                figures[path] = e.Clone();
                break;
        }
    }

    private static int Count(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Sum(p => Count(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Sum(Count),
        _ => 1,
    };

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => e.GetString()!,
        _ => e.GetRawText(),
    };
}
