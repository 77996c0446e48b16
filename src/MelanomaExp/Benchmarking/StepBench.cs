using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>One memory layout's training-step and inference timings on random images.</summary>
public sealed record LayoutTiming(string Layout, Samples TrainMs, Samples TrainImagesPerS, int InferenceBatch, Samples InferenceMs, Samples InferenceImagesPerS);

/// <summary>
/// Times the seed CNN alone, as the PyTorch reference script does: random 0..255 inputs, Adam, cross-entropy,
/// a training step = zero_grad + forward + loss + backward + step + reading the loss. Inference runs
/// under no_grad at the evaluator's batch size. Channels-last means the input's memory order: libtorch
/// then runs every convolution in that order (kernels in NCHW order measured no faster, within noise).
/// </summary>
public static class StepBench
{
    public const string Nchw = "NCHW";
    public const string Nhwc = "channels_last";

    /// <param name="spec">The model to time; null for the plain seed CNN, the network the PyTorch reference builds.</param>
    public static LayoutTiming Run(string layout, int classes, int size, int batch, int warmup, int rounds, Device device, ModelSpec? spec = null)
    {
        random.manual_seed(42);
        using var model = ModelFactory.Create(spec ?? new ModelSpec("seed-cnn", 0), classes, size, size, device);
        var channelsLast = layout == Nhwc;
        using var optimizer = Trainer.CreateOptimizer(new TrainSpec(1, batch, "adam", 1e-3), model);
        using var x = Input(batch, size, channelsLast, device);
        using var y = randint(classes, [batch], dtype: ScalarType.Int64, device: device);
        model.train();
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
        return new LayoutTiming(label, train, train.PerSecond(batch), inferBatch, infer, infer.PerSecond(inferBatch));
    }

    /// <summary>True when a step's model does more work per image than the plain seed CNN (dropout, batch norm).</summary>
    public static bool DiffersFromPlain(ModelSpec spec) => spec.Arch != "seed-cnn" || spec.Dropout > 0 || spec.BatchNorm;

    private static string Describe(ModelSpec spec) =>
        string.Join(", ", new[] { spec.Arch, spec.Dropout > 0 ? $"dropout {spec.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null, spec.BatchNorm ? "batch norm" : null }.OfType<string>());

    /// <summary>Random whole-number pixels made as the trainer makes a batch: bytes N x H x W x 3, to float, viewed as N x C x H x W.</summary>
    private static Tensor Input(int batch, int size, bool channelsLast, Device device)
    {
        using var bytes = randint(0, 256, [batch, size, size, 3], dtype: ScalarType.Byte, device: device);
        using var floats = bytes.to(ScalarType.Float32);
        using var view = floats.permute(0, 3, 1, 2);
        return channelsLast ? view.alias() : view.contiguous();
    }
}
