using System.Globalization;
using System.Text;
using MelanomaExp.Benchmarking;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The bench result as Markdown: what the console prints and what <c>--output</c> writes to BENCH.md.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchResult r)
    {
        var s = r.Settings;
        var e = r.Environment;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        md.AppendLine("# melanoma-exp bench").AppendLine();
        Line($"{e.Cpu} (bfloat16 in hardware: {e.CpuBf16 ?? "unknown"}), {e.Cores} cores, {e.TorchThreads} torch threads, device {e.Device}; {e.Os}; {e.Dotnet}; TorchSharp {e.TorchSharp}; melanoma-exp {e.ToolVersion}.");
        Line($"Load average (1 minute) at start / end: {Load(r.LoadAtStart)} / {Load(r.LoadAtEnd)} on {e.Cores} cores: figures taken under load are slower than the machine can do, so compare only figures from the same run.");
        Line($"Seed CNN at {s.ImageSize}x{s.ImageSize}, batch {s.Batch}, {s.Classes} classes; {s.Rounds} timed rounds after warm-up{(s.Quick ? " (--quick)" : "")}; figures are min / median / max over rounds.");
        if (!s.OptimizedBuild)
        {
            md.AppendLine().AppendLine("> **Debug build**: the JIT does not optimise it, so the FMA ceiling and the managed parts are too slow. Benchmark the installed tool or a `-c Release` build.");
        }
        md.AppendLine();

        md.AppendLine("## Training step and inference (model alone, random inputs)").AppendLine();
        Line($"| layout | train step ms | train img/s | inference img/s (batch {r.Layouts[0].InferenceBatch}) |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var l in r.TimedLayouts)
        {
            Line($"| {l.Layout} | {Range(l.TrainMs, "F0")} | {Range(l.TrainImagesPerS)} | {Range(l.InferenceImagesPerS)} |");
        }
        md.AppendLine();
        if (r.StepModel is { } stepModel)
        {
            // The import target of pretrained backbones (the ResNet-18's 63.6 MB ONNX file) is read from here.
            Line($"Building the step's own model took {stepModel.BuildSeconds:F2} s (for an imported ONNX backbone: reading the file, checking its sha256 and importing it; the first build in a process).");
            md.AppendLine();
        }
        if (r.ReducedPrecisionSpeedup is { } speedup)
        {
            Line($"bf16 mixed precision (float32 master weights, optimizer state and loss) against float32, channels_last, same run: **{speedup:F2}x** the training rate.");
        }
        else
        {
            md.AppendLine("bf16 mixed precision not timed: this CPU has no bfloat16 arithmetic (AVX512-BF16 or AMX) and the device is not CUDA.");
        }
        Line($".NET side per training step: {Median(r.TimedLayouts, l => l.ManagedBytesPerStep) / 1024:F1} KiB allocated on the training thread, {Median(r.TimedLayouts, l => l.Gen0CollectionsPerStep):F2} generation-0 collections (median over the rows above).");
        md.AppendLine();
        Line($"Work per image, counted from the layer shapes: {r.ForwardGflopPerImage:F3} GFLOP forward, {r.TrainGflopPerImage:F3} GFLOP per training image (forward, input gradient and weight gradient of each convolution and dense layer; the first layer needs no input gradient).");
        Line($"Achieved: **{r.AchievedGflops:F1} GFLOP/s** ({r.Fastest.Layout}, median) = **{r.PeakFraction:P0}** of the measured ceiling of {r.Ceiling.GflopsPerS:F1} GFLOP/s ({r.Ceiling.Instructions}).");
        var ceilings = string.Join("; ", r.Ceilings.Select(c => Inv($"{c.Instructions} {c.GflopsPerS:F1} GFLOP/s ({r.AchievedGflops / c.GflopsPerS:P0} achieved)")));
        Line($"Ceiling measured as a loop of fused multiply-adds, 12 independent accumulators per thread, no memory traffic, on {r.Ceiling.Threads} threads, per instruction set: {ceilings}.");
        md.AppendLine();

        if (r.Layers is { } layers)
        {
            md.Append(LayerMarkdown.Render(layers, r.PeerLayers, s.Batch, r.Layouts.FirstOrDefault(l => l.Layout == StepBench.Nhwc)?.TrainMs.Median));
        }

        if (r.Data is { } d)
        {
            var consumption = r.TrainImagesPerS;
            md.AppendLine("## Data side").AppendLine();
            Line($"Training consumes {consumption:F1} img/s; the last column is each stage's median over that rate.");
            md.AppendLine();
            md.AppendLine("| stage | img/s | x training rate |");
            md.AppendLine("| --- | --- | --- |");
            Line($"| decode + resize, 1 thread ({d.DecodedFiles} files in memory) | {Range(d.DecodeOneThread, "F0")} | {Ratio(d.DecodeOneThread.Median, consumption)} |");
            Line($"| decode + resize, all cores | {Range(d.DecodeAllCores, "F0")} | {Ratio(d.DecodeAllCores.Median, consumption)} |");
            Line($"| online augmentation (batch {s.Batch}) | {Range(d.Augmentation, "F0")} | {Ratio(d.Augmentation.Median, consumption)} |");
            Line($"| rebalance generation ({d.RebalancedImages} images, PNG cache included, all cores) | {Range(d.Rebalance, "F0")} | {Ratio(d.Rebalance.Median, consumption)} |");
            md.AppendLine();
        }

        if (r.Epochs is { Count: > 0 } epochs)
        {
            Line($"## Real epochs: step '{s.Step}' of {s.Experiment} ({(s.Precision is { } precision ? $"train.precision {precision}, " : "")}{s.EpochFraction:P0} of its images, next batch prepared {(s.Prefetch ? "while the current one trains" : "only when needed (--no-prefetch)")})");
            md.AppendLine();
            md.AppendLine("| epoch | images | wall s | data s | forward+backward s | optimizer s | validation s | other s | train img/s | overhead | peak RSS |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (b, rss) in epochs.Select(x => (x.Breakdown, x.PeakRssBytes)))
            {
                var trainSeconds = b.Total - b.Validation;
                Line($"| {b.Epoch} | {b.Images} | {b.Total:F1} | {b.Data:F1} | {b.ForwardBackward:F1} | {b.Optimizer:F1} | {b.Validation:F1} | {b.Other:F1} | {b.Images / trainSeconds:F1} | {BenchResult.OverheadOf(b):P1} | {Mib(rss)} |");
            }
            md.AppendLine();
            var steady = r.SteadyEpochs;
            var which = steady.Count == epochs.Count
                ? "the only epoch timed, one-time costs included (time 2 or more with --epochs for the steady figure)"
                : steady.Count == 1 ? $"epoch {steady[0].Breakdown.Epoch}" : $"epochs {steady[0].Breakdown.Epoch}-{steady[^1].Breakdown.Epoch}";
            Line($"Epoch overhead: time outside the training step's math (data waits, validation, bookkeeping) over the step's own time (forward+backward and optimizer), in the same epochs, over {which}: **{r.EpochOverheadFraction:P1}**. Both halves come from the same seconds, so the host's changes of speed cancel out.");
            Line($"The step ran at {r.InLoopStepImagesPerS:F1} img/s inside these epochs, against {r.EpochReferenceImagesPerS:F1} img/s for {(r.StepModel is null ? "the same network" : "the step's own model")} alone (channels-last, timed right after the epochs): figures taken a minute apart, so read them with the load average above.");
            md.AppendLine("Epoch 1 also pays one-time costs (kernel selection, first use of memory), so it is shown but left out when later epochs exist.");
            md.AppendLine();
        }

        if (r.Peer is { } peer)
        {
            md.AppendLine("## PyTorch reference (same network, batch, size and threads)").AppendLine();
            md.AppendLine("| layout | malloc | train step ms (median) | train img/s | inference img/s (batch 32) | torch | BLAS |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var p in peer)
            {
                Line($"| {p.Layout} | {(p.MallocTuned ? "as melanoma-exp (GLIBC_TUNABLES)" : "as shipped")} | {p.TrainMedianMs:F0} | {p.TrainImagesPerS:F1} | {p.InferenceImagesPerS:F1} | {p.Version} | {string.Join(", ", p.Blas.Split(", ").Select(Path.GetFileName))} |");
            }
            md.AppendLine();
            Line($"melanoma-exp / PyTorch reference as shipped, fastest layout each: {r.TrainImagesPerS:F1} / {r.PeerFastest!.TrainImagesPerS:F1} = **{r.PeerRatio:F2}x**.");
            Line($"melanoma-exp / PyTorch with the same malloc settings: {r.TrainImagesPerS:F1} / {r.PeerTunedFastest!.TrainImagesPerS:F1} = **{r.PeerTunedRatio:F2}x**.");
            md.AppendLine();
        }
        if (r.HeadToHead is { } duel)
        {
            md.Append(HeadToHeadMarkdown.Render(duel, r.Settings.Batch));
        }
        Line($"Peak RSS of the bench process: {Mib(r.PeakRssBytes)}.");
        return md.ToString();
    }

    private static string Range(Samples x, string format = "F1") =>
        $"{x.Min.ToString(format, CultureInfo.InvariantCulture)} / **{x.Median.ToString(format, CultureInfo.InvariantCulture)}** / {x.Max.ToString(format, CultureInfo.InvariantCulture)}";

    private static string Ratio(double rate, double consumption) => Inv($"{rate / consumption:F1}x");

    private static double Median(IEnumerable<LayoutTiming> rows, Func<LayoutTiming, double> value) => MathNet.Numerics.Statistics.Statistics.Median(rows.Select(value));

    private static string Load(double? load) => load is { } l ? Inv($"{l:F2}") : "unknown";

    private static string Mib(long bytes) => Inv($"{bytes / 1048576.0:F0} MiB");

}
