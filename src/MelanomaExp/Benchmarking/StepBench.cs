using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>One memory layout's training-step and inference timings on random images.</summary>
public sealed record LayoutTiming(string Layout, Samples TrainMs, Samples TrainImagesPerS, int InferenceBatch, Samples InferenceMs, Samples InferenceImagesPerS)
{
    /// <summary>Managed bytes the training step allocates on the calling thread, per step: the .NET side's share of the garbage.</summary>
    public double ManagedBytesPerStep { get; init; }

    /// <summary>Generation-0 garbage collections per training step (all threads).</summary>
    public double Gen0CollectionsPerStep { get; init; }

    /// <summary>Seconds to build the model, weights included: for an imported ONNX backbone, reading, hashing and importing its file.</summary>
    public double BuildSeconds { get; init; }
}

/// <summary>
/// Times the seed CNN alone, as the PyTorch reference script does: random 0..255 inputs, Adam, cross-entropy,
/// a training step = zero_grad + forward + loss + backward + step + reading the loss. Inference runs
/// under no_grad at the evaluator's batch size. Channels-last means the input's memory order: libtorch
/// then runs every convolution in that order (kernels in NCHW order measured no faster, within noise).
/// </summary>
internal static class StepBench
{
    public const string Nchw = "NCHW";
    public const string Nhwc = "channels_last";

    /// <param name="spec">The model to time; null for the plain seed CNN, the network the PyTorch reference builds.</param>
    /// <param name="computeType">BFloat16 or Float16 for mixed precision (<see cref="Precision"/>), null for float32.</param>
    public static LayoutTiming Run(string layout, int classes, int size, int batch, int warmup, int rounds, Device device, ModelSpec? spec = null, ScalarType? computeType = null)
    {
        random.manual_seed(42);
        var modelSpec = spec ?? new ModelSpec(SeedCnnArchitecture.Key, 0);
        var build = System.Diagnostics.Stopwatch.StartNew();
        using var model = ModelFactory.Create(modelSpec, classes, size, size, device);
        var buildSeconds = build.Elapsed.TotalSeconds;
        Precision.Apply(Architectures.Of(modelSpec), model, computeType);
        var channelsLast = layout == Nhwc;
        using var optimizer = Trainer.CreateOptimizer(new TrainSpec(1, batch, "adam", 1e-3), model);
        using var x = Input(batch, size, channelsLast, device);
        using var y = randint(classes, [batch], dtype: ScalarType.Int64, device: device);
        model.train();
        var (bytesBefore, gen0Before) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
        var train = Samples.TimeMs(
            () =>
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                loss.backward();
                optimizer.step();
                loss.item<float>();
            },
            warmup,
            rounds);
        var steps = (double)(warmup + rounds);
        var (bytesPerStep, gen0PerStep) = ((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / steps, (GC.CollectionCount(0) - gen0Before) / steps);
        model.eval();
        var inferBatch = Evaluator.BatchSize;
        using var xi = Input(inferBatch, size, channelsLast, device);
        var infer = Samples.TimeMs(
            () =>
            {
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                model.forward(xi).sum().item<float>();
            },
            Math.Max(1, warmup / 2),
            Math.Max(3, rounds / 2));
        var label = spec is null ? layout : $"{layout}, the step's model ({Describe(spec)})";
        label += computeType is { } type ? $", {(type == ScalarType.BFloat16 ? Precision.Bf16 : Precision.Fp16)} mixed precision" : "";
        return new LayoutTiming(label, train, train.PerSecond(batch), inferBatch, infer, infer.PerSecond(inferBatch))
        {
            ManagedBytesPerStep = bytesPerStep,
            Gen0CollectionsPerStep = gen0PerStep,
            BuildSeconds = buildSeconds,
        };
    }

    /// <summary>True when a step's model does more work per image than the plain seed CNN (dropout, batch norm).</summary>
    public static bool DiffersFromPlain(ModelSpec spec) => spec.Arch != SeedCnnArchitecture.Key || spec.Dropout > 0 || spec.BatchNorm;

    private static string Describe(ModelSpec spec) =>
        string.Join(", ", new[] { spec.Arch, spec.Dropout > 0 ? $"dropout {spec.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null, spec.BatchNorm ? "batch norm" : null }.OfType<string>());

    /// <summary>Random whole-number pixels made as the trainer makes a batch: bytes N x H x W x 3, to float, viewed as N x C x H x W.</summary>
    internal static Tensor Input(int batch, int size, bool channelsLast, Device device)
    {
        using var bytes = randint(0, 256, [batch, size, size, 3], dtype: ScalarType.Byte, device: device);
        using var floats = bytes.to(ScalarType.Float32);
        using var view = floats.permute(0, 3, 1, 2);
        return channelsLast ? view.alias() : view.contiguous();
    }
}
