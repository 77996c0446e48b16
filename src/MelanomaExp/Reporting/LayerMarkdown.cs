using System.Globalization;
using System.Text;
using MelanomaExp.Benchmarking;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The bench's per-layer section: melanoma-exp and PyTorch side by side, and the layers where melanoma-exp is slower.</summary>
internal static class LayerMarkdown
{
    /// <summary>A layer counts as slower when it takes this much longer than PyTorch's, relatively and in milliseconds.</summary>
    public const double SlowerBy = 0.10;

    public const double SlowerByMs = 1.0;

    public static string Render(IReadOnlyList<LayerTiming> layers, PeerLayers? peer, int batch, double? wholeStepMs)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"## Training step per layer (plain seed CNN, channels_last, batch {batch}; median ms per call)");
        md.AppendLine();
        var theirs = peer?.Layers.ToDictionary(l => l.Layer);
        if (theirs is null)
        {
            md.AppendLine("| layer | forward ms | backward ms | total ms | share |");
            md.AppendLine("| --- | --- | --- | --- | --- |");
        }
        else
        {
            Line($"| layer | forward ms | backward ms | PyTorch {peer!.Version} forward ms | PyTorch backward ms | total ms | PyTorch total ms | melanoma-exp / PyTorch time |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        }
        var sum = layers.Sum(l => l.TotalMedianMs);
        foreach (var l in layers)
        {
            if (theirs is null)
            {
                Line($"| {l.Layer} | {l.ForwardMs.Median:F2} | {Ms(l.BackwardMs)} | {l.TotalMedianMs:F2} | {l.TotalMedianMs / sum:P0} |");
            }
            else
            {
                var p = theirs.GetValueOrDefault(l.Layer);
                Line($"| {l.Layer} | {l.ForwardMs.Median:F2} | {Ms(l.BackwardMs)} | {Ms(p?.ForwardMs)} | {Ms(p?.BackwardMs)} | {l.TotalMedianMs:F2} | {(p is null ? "-" : Inv($"{p.TotalMedianMs:F2}"))} | {(p is null ? "-" : Inv($"{l.TotalMedianMs / p.TotalMedianMs:F2}x"))} |");
            }
        }
        md.AppendLine();
        var whole = wholeStepMs is { } w ? Inv($" (the whole step, timed above in the same layout: {w:F0} ms)") : "";
        if (theirs is null)
        {
            Line($"Sum of the rows: {sum:F0} ms{whole}.");
        }
        else
        {
            var theirSum = peer!.Layers.Sum(l => l.TotalMedianMs);
            Line($"Sum of the rows: melanoma-exp {sum:F0} ms, PyTorch {theirSum:F0} ms{whole}.");
            md.AppendLine();
            // The layers both sides timed, each in its own order.
            var ourOrder = layers.Select(l => l.Layer).Where(theirs.ContainsKey);
            var peerOrder = peer.Layers.Select(l => l.Layer).Where(n => layers.Any(l => l.Layer == n));
            if (!ourOrder.SequenceEqual(peerOrder))
            {
                md.AppendLine("Rows are in melanoma-exp's order. It runs each max pooling before its ReLU (the same result bit for bit, "
                    + "see Models/SeedCnn.cs), so its ReLU rows work on a quarter of the values; PyTorch runs the Keras order.");
                md.AppendLine();
            }
            var slower = Slower(layers, peer).ToList();
            md.AppendLine(slower.Count == 0
                ? Inv($"No layer is slower in melanoma-exp than in PyTorch by more than {SlowerBy:P0} and {SlowerByMs:F0} ms.")
                : Inv($"Slower in melanoma-exp than in PyTorch (by more than {SlowerBy:P0} and {SlowerByMs:F0} ms): ") + string.Join("; ", slower) + ".");
        }
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>Each direction (forward, backward) of each layer where melanoma-exp's median is slower by both margins.</summary>
    public static IEnumerable<string> Slower(IReadOnlyList<LayerTiming> layers, PeerLayers peer)
    {
        var theirs = peer.Layers.ToDictionary(l => l.Layer);
        foreach (var l in layers)
        {
            if (!theirs.TryGetValue(l.Layer, out var p))
            {
                continue;
            }
            foreach (var (direction, mine, other) in new[] { ("forward", l.ForwardMs, p.ForwardMs), ("backward", l.BackwardMs, p.BackwardMs) })
            {
                if (mine is not null && other is not null && mine.Median > other.Median * (1 + SlowerBy) && mine.Median - other.Median > SlowerByMs)
                {
                    yield return Inv($"{l.Layer} {direction} {mine.Median:F1} against {other.Median:F1} ms ({mine.Median / other.Median:F2}x)");
                }
            }
        }
    }

    private static string Ms(Samples? s) => s is null ? "-" : Inv($"{s.Median:F2}");

}
