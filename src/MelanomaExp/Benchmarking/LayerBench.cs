using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>
/// The training step of the plain seed CNN taken apart: each layer's forward and backward timed alone on
/// the activation it sees in the real step, then the loss, <c>zero_grad</c> and the optimizer step.
/// scripts/peer_layers.py does the same in PyTorch, layer for layer and under the same names, so the two
/// tables can be read side by side. The first convolution's input needs no gradient, as in the real step.
/// A backward round rebuilds its graph untimed, then times <c>backward</c> of the layer's output with a
/// random output gradient of the output's own memory order, after zeroing the layer's parameter gradients in place.
/// </summary>
internal static class LayerBench
{
    public const string Rescale = "rescale";
    public const string Loss = "loss";
    public const string ZeroGrad = "zero_grad";
    public const string OptimizerStep = "adam_step";

    public static IReadOnlyList<LayerTiming> Run(int classes, int size, int batch, int warmup, int rounds, Device device)
    {
        random.manual_seed(42);
        var spec = new ModelSpec(SeedCnnArchitecture.Key, 0);
        using var model = ModelFactory.Create(spec, classes, size, size, device);
        using var optimizer = Trainer.CreateOptimizer(new TrainSpec(1, batch, "adam", 1e-3), model);
        using var input = StepBench.Input(batch, size, channelsLast: true, device);
        using var targets = randint(classes, [batch], dtype: ScalarType.Int64, device: device);
        model.train();
        var timings = new List<LayerTiming>
        {
            new(Rescale, Samples.TimeMs(() => input.div(255f).Dispose(), warmup, rounds), null),
        };
        var activation = input.div(255f);
        var first = true;
        foreach (var (name, layer) in Leaves(Architectures.Of(spec), model))
        {
            var x = activation.detach().requires_grad_(!first);
            timings.Add(new LayerTiming(name, Samples.TimeMs(() => { using var scope = NewDisposeScope(); layer.forward(x); }, warmup, rounds), Backward(layer, x, warmup, rounds)));
            using (no_grad())
            {
                activation.Dispose();
                activation = layer.forward(x);
            }
            x.Dispose();
            first = false;
        }
        using var logits = activation.detach().requires_grad_(true);
        activation.Dispose();
        timings.Add(new LayerTiming(
            Loss,
            Samples.TimeMs(() => { using var scope = NewDisposeScope(); nn.functional.cross_entropy(logits, targets); }, warmup, rounds),
            TimeMs(() => nn.functional.cross_entropy(logits, targets), loss => loss.backward(), warmup, rounds)));

        // One whole step leaves every parameter with a gradient, as the optimizer finds them in training.
        using (NewDisposeScope())
        {
            nn.functional.cross_entropy(model.forward(input), targets).backward();
        }
        timings.Add(new LayerTiming(OptimizerStep, Samples.TimeMs(() => optimizer.step(), warmup, rounds), null));
        timings.Add(new LayerTiming(ZeroGrad, Samples.TimeMs(() => optimizer.zero_grad(), warmup, rounds), null));
        return timings;
    }

    /// <summary>The model's leaf modules in the order its forward runs them, named as in the model (conv1, pool1, relu1, ...).</summary>
    internal static IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> Leaves(IArchitecture architecture, nn.Module<Tensor, Tensor> model) =>
        architecture.ExecutionOrder(model) ?? model.named_modules()
            .Where(m => !m.module.children().Any() && m.module is nn.Module<Tensor, Tensor>)
            .Select(m => (m.name.Split('.')[^1], (nn.Module<Tensor, Tensor>)m.module));

    private static Samples Backward(nn.Module<Tensor, Tensor> layer, Tensor x, int warmup, int rounds)
    {
        using var probe = layer.forward(x);
        using var gradient = randn_like(probe);
        return TimeMs(
            () =>
            {
                // In place, as the optimizer's zero_grad leaves them: backward then accumulates into existing gradients.
                layer.zero_grad(set_to_none: false);
                return layer.forward(x);
            },
            y => y.backward([gradient]),
            warmup,
            rounds);
    }

    /// <summary>Milliseconds of <paramref name="timed"/> alone, on what an untimed <paramref name="setup"/> made each round.</summary>
    private static Samples TimeMs(Func<Tensor> setup, Action<Tensor> timed, int warmup, int rounds)
    {
        var values = new double[rounds];
        for (var i = 0; i < warmup + rounds; i++)
        {
            using var scope = NewDisposeScope();
            var made = setup();
            var clock = Stopwatch.StartNew();
            timed(made);
            if (i >= warmup)
            {
                values[i - warmup] = clock.Elapsed.TotalMilliseconds;
            }
        }
        return new Samples(values);
    }
}
