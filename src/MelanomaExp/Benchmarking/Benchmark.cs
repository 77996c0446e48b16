using MelanomaExp.Acquisition;
using System.Diagnostics;
using System.Reflection;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Running;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>
/// Runs the benchmark sections in a fixed order, cheapest first: the FMA ceiling, the model alone in
/// both layouts, the data side, the first epochs of a real step, then the PyTorch peer.
/// </summary>
public static class Benchmark
{
    public static BenchResult Run(BenchOptions options)
    {
        var log = options.Log;
        var loadAtStart = LoadAverage.OneMinute();
        var peerScript = options.Peer is null ? null : PeerBench.Locate(options.Peer);
        if (peerScript is not null)
        {
            PeerBench.CheckRunnable();
        }
        var device = DeviceResolver.Resolve(options.Device);
        var environment = EnvironmentProbe.Capture(device);
        var experiment = options.Experiment;
        var step = experiment is null ? null : PickStep(experiment, options.Step);
        var size = experiment?.Data.ImageHeight ?? 180;
        var batch = step?.Train.BatchSize ?? 32;
        var data = experiment is null ? null : LoadData(experiment, options, log);
        var classes = data?.Train.Classes.Count ?? 9;
        var settings = new BenchSettings(experiment?.SourcePath, step?.Name, size, batch, classes, options.Rounds, options.Quick, options.EpochFraction, !options.NoPrefetch, step?.Train.Precision)
        {
            OptimizedBuild = typeof(Benchmark).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true,
        };

        log("FMA ceiling ...");
        var ceilings = FmaCeiling.MeasureAll(options.Quick ? 0.3 : 1.0);
        var ceiling = ceilings.MaxBy(c => c.GflopsPerS)!;
        using var probe = new SeedCnn(classes, size, size, dropout: 0);
        var cost = ModelCost.Count(probe, 3, size, size);
        var layouts = new List<LayoutTiming>();
        foreach (var layout in new[] { StepBench.Nchw, StepBench.Nhwc })
        {
            log($"training step, {layout} ...");
            layouts.Add(StepBench.Run(layout, classes, size, batch, warmup: 3, options.Rounds, device));
        }
        var reduced = device.type == TorchSharp.DeviceType.CUDA || CpuFeatures.Current.HasBf16
            ? RunReducedPrecision(classes, size, batch, options.Rounds, device, log)
            : null;
        log("training step per layer ...");
        var layers = LayerBench.Run(classes, size, batch, warmup: 2, options.Rounds, device);
        var peerLayers = peerScript is null ? null : RunPeerLayers(size, batch, options.Rounds, log);
        var result = new BenchResult(environment, settings, layouts, cost.ForwardFlops / 1e9, cost.TrainingFlops / 1e9, ceiling)
        {
            Ceilings = ceilings,
            Layers = layers,
            PeerLayers = peerLayers,
            LoadAtStart = loadAtStart,
            ReducedPrecision = reduced,
        };
        if (step is not null && StepBench.DiffersFromPlain(step.Model))
        {
            log("training step, the step's own model ...");
            result = result with { StepModel = StepBench.Run(StepBench.Nhwc, classes, size, batch, warmup: 3, options.Rounds, device, step.Model) };
        }
        if (experiment is not null && step is not null && data is not null)
        {
            var dataTiming = MeasureData(data, step, batch, options, device, log);
            var epochs = MeasureEpochs(experiment, data, step, options, device, log);
            log("training step again, the step's own model, next to the epochs it is held against ...");
            result = result with
            {
                Settings = result.Settings with { EpochFraction = epochs.Fraction },
                Data = dataTiming,
                Epochs = epochs.Epochs,
                EpochReference = StepBench.Run(StepBench.Nhwc, classes, size, batch, warmup: 3, options.Rounds, device, step.Model),
            };
        }
        if (peerScript is not null)
        {
            var threads = get_num_threads();
            var peer = new List<PeerTiming>();
            foreach (var tuned in new[] { false, true })
            {
                foreach (var layout in new[] { "nchw", "nhwc" })
                {
                    log($"PyTorch reference, {layout}{(tuned ? ", malloc tuned as melanoma-exp" : "")} ...");
                    peer.Add(PeerBench.Run(peerScript, layout, size, batch, threads, options.Rounds, tuned));
                }
            }
            result = result with
            {
                Peer = peer,
                HeadToHead = HeadToHead.Run(peerScript, classes, size, batch, options.Rounds, HeadToHead.DefaultCycles, device, log),
            };
        }
        // The epoch section restarts the kernel's peak counter per epoch, so the process peak is the larger of both.
        var peak = Math.Max(ProcessMemory.PeakRssBytes(), result.Epochs?.Max(e => e.PeakRssBytes) ?? 0);
        return result with { PeakRssBytes = peak, LoadAtEnd = LoadAverage.OneMinute() };
    }

    /// <summary>Right after the float32 layouts, so the speed-up compares figures taken under nearly the same load.</summary>
    private static LayoutTiming RunReducedPrecision(int classes, int size, int batch, int rounds, Device device, Action<string> log)
    {
        log("training step, channels_last, bf16 mixed precision ...");
        return StepBench.Run(StepBench.Nhwc, classes, size, batch, warmup: 3, rounds, device, computeType: ScalarType.BFloat16);
    }

    /// <summary>Right after melanoma-exp's own per-layer run, so both are taken under nearly the same load.</summary>
    private static PeerLayers RunPeerLayers(int size, int batch, int rounds, Action<string> log)
    {
        log("PyTorch reference per layer, channels-last, malloc tuned as melanoma-exp ...");
        return PeerLayerBench.Run(size, batch, get_num_threads(), warmup: 2, rounds);
    }

    private static Config.StepSpec PickStep(Config.Experiment experiment, string? name) =>
        name is null
            ? experiment.Steps[0]
            : experiment.Steps.FirstOrDefault(s => s.Name == name)
              ?? throw new BadInputException($"{experiment.SourcePath}: --step: no step named '{name}' (steps: {string.Join(", ", experiment.Steps.Select(s => s.Name))})");

    private static PreparedData LoadData(Config.Experiment experiment, BenchOptions options, Action<string> log)
    {
        log("loading data ...");
        return PreparedData.Load(experiment, DataRoot.Resolve(options.DataRoot, experiment.Data.Root));
    }

    private static DataTiming MeasureData(PreparedData data, Config.StepSpec step, int batch, BenchOptions options, Device device, Action<string> log)
    {
        log("decode ...");
        var paths = data.Train.Paths.Where(File.Exists).Take(options.Quick ? 300 : int.MaxValue).ToList();
        var files = paths.Select(File.ReadAllBytes).ToList();
        var rounds = options.Quick ? 2 : 3;
        var (one, all) = DataBench.Decode(files, data.Train.Height, data.Train.Width, rounds);
        log("online augmentation ...");
        var augmentation = DataBench.OnlineAugmentation(step.Augment ?? DataBench.StudyAugment, batch, data.Train.Height, data.Train.Width, options.Rounds, device);
        log("rebalance generation ...");
        var perClass = options.Quick ? 10 : 50;
        var rebalance = DataBench.Rebalance(step.Rebalance ?? DataBench.StudyRebalance, data.Train, perClass, rounds);
        return new DataTiming(files.Count, one, all, augmentation, rebalance, perClass * data.Train.Classes.Count);
    }

    private static EpochRun MeasureEpochs(Config.Experiment experiment, PreparedData data, Config.StepSpec step, BenchOptions options, Device device, Action<string> log)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"melanoma-exp-bench-epoch-{Environment.ProcessId}");
        try
        {
            log($"step '{step.Name}': {options.Epochs} epoch(s) on {options.EpochFraction:P0} of its images, at least {EpochBench.MinimumBatches} batches ...");
            return EpochBench.Run(experiment, data, step, options.Epochs, options.EpochFraction, !options.NoPrefetch, device, scratch);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
