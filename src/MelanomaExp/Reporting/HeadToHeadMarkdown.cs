using System.Globalization;
using System.Text;
using MelanomaExp.Benchmarking;

namespace MelanomaExp.Reporting;

/// <summary>The bench's head-to-head section: each alternating cycle and the median of their ratios.</summary>
internal static class HeadToHeadMarkdown
{
    public static string Render(HeadToHead duel, int batch)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        md.AppendLine("## Head to head (alternating, channels-last, malloc tuned on both sides)").AppendLine();
        md.AppendLine("Each cycle times melanoma-exp's training step, then the PyTorch reference's, seconds apart, so a change in the host's speed hits both.").AppendLine();
        md.AppendLine("| cycle | melanoma-exp step ms (median) | PyTorch step ms (median) | melanoma-exp / PyTorch speed |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var (c, i) in duel.Cycles.Select((c, i) => (c, i + 1)))
        {
            Line($"| {i} | {c.MelanomaExpMs:F0} | {c.PyTorchMs:F0} | {c.Ratio:F2}x |");
        }
        md.AppendLine();
        Line($"melanoma-exp trains at **{duel.MedianRatio:F2}x** the speed of PyTorch (median of {duel.Cycles.Count} cycles, range {duel.MinRatio:F2}x to {duel.MaxRatio:F2}x; batch {batch}).");
        md.AppendLine();
        return md.ToString();
    }
}
