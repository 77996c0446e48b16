using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>
/// The study's network: Rescaling(1/255), three blocks of Conv 3x3 (same padding) + ReLU + MaxPool 2
/// with 32, 64 and 128 filters, Flatten, Dense 128 + ReLU, Dense n_classes (logits).
/// Optional dropout after each pooling block and before the classifier (the augmented step), and
/// optional batch normalisation after each convolution.
/// Weights start as Keras starts them (Glorot-uniform kernels, zero biases), not PyTorch's default.
/// Input: float images N x 3 x H x W with values 0..255 (already standardised when <c>rescale</c> is false).
/// Each block runs its max pooling before its ReLU (<see cref="ExecutionOrder"/>): the layers keep the
/// Keras names and order (checkpoints, Grad-CAM), and the result is the same bit for bit.
/// </summary>
internal sealed class SeedCnn : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;
    private readonly IReadOnlyList<(string Name, Module<Tensor, Tensor> Layer)> _executionOrder;
    private readonly bool _rescale;

    public SeedCnn(int classes, int height, int width, double dropout, bool batchNorm = false, bool rescale = true)
        : base("seed_cnn")
    {
        _rescale = rescale;
        var blocks = new List<(string, Module<Tensor, Tensor>)>();
        var channels = 3;
        var (h, w) = (height, width);
        foreach (var (filters, i) in new[] { 32, 64, 128 }.Select((f, i) => (f, i + 1)))
        {
            blocks.Add(($"conv{i}", Conv2d(channels, filters, kernel_size: 3, padding: 1)));
            if (batchNorm)
            {
                blocks.Add(($"bn{i}", BatchNorm2d(filters)));
            }
            blocks.Add(($"relu{i}", ReLU()));
            blocks.Add(($"pool{i}", MaxPool2d(kernel_size: 2)));
            if (dropout > 0)
            {
                blocks.Add(($"dropout{i}", Dropout(dropout)));
            }
            channels = filters;
            (h, w) = (h / 2, w / 2);
        }
        blocks.Add(("flatten", Flatten()));
        blocks.Add(("dense", Linear(channels * h * w, 128)));
        blocks.Add(("relu_dense", ReLU()));
        if (dropout > 0)
        {
            blocks.Add(("dropout_dense", Dropout(dropout)));
        }
        blocks.Add(("classifier", Linear(128, classes)));
        _layers = Sequential(blocks);
        _executionOrder = PoolBeforeRelu(blocks);
        RegisterComponents();
        InitLikeKeras();
    }

    /// <summary>Null: float32 throughout. BFloat16 or Float16: mixed precision (<see cref="MixedPrecision"/>).</summary>
    public ScalarType? ComputeType { get; set; }

    public override Tensor forward(Tensor input)
    {
        if (!_rescale)
        {
            return Run(input);
        }
        using var scaled = input.div(255f);
        return ComputeType is { } type
            ? MixedPrecision.Forward(_executionOrder.Select(l => l.Layer), scaled, type)
            : Run(scaled);
    }

    /// <summary>Whether the forward divides its 0..255 input by 255 (false when the input arrives standardised).</summary>
    public bool Rescale => _rescale;

    /// <summary>The layers in the order <see cref="forward"/> runs them, under their Keras names.</summary>
    public IReadOnlyList<(string Name, Module<Tensor, Tensor> Layer)> ExecutionOrder => _executionOrder;

    private Tensor Run(Tensor input)
    {
        var x = input;
        foreach (var (_, layer) in _executionOrder)
        {
            var next = layer.call(x);
            if (!ReferenceEquals(x, input))
            {
                x.Dispose();
            }
            x = next;
        }
        return x;
    }

    /// <summary>
    /// Swaps each "ReLU, max pooling" pair. Both keep values exactly and ReLU is monotone, so the pooled
    /// maximum, the position it came from, and the zeroed gradients are the same in either order, while
    /// ReLU (forward and backward) then touches a quarter of the values: 7 % of a CPU training step at 180x180.
    /// </summary>
    private static List<(string, Module<Tensor, Tensor>)> PoolBeforeRelu(List<(string Name, Module<Tensor, Tensor> Layer)> blocks)
    {
        var order = new List<(string, Module<Tensor, Tensor>)>(blocks);
        for (var i = 0; i + 1 < order.Count; i++)
        {
            if (blocks[i].Layer is ReLU && blocks[i + 1].Layer is MaxPool2d)
            {
                (order[i], order[i + 1]) = (order[i + 1], order[i]);
            }
        }
        return order;
    }

    /// <summary>The last convolution block's activation (after its ReLU, before pooling): what Grad-CAM explains.</summary>
    public const string LastConvBlock = "relu3";

    /// <summary>
    /// The logits in float32, together with the output of the layer named <paramref name="layer"/>, which
    /// stays in the autograd graph so the logits can be differentiated with respect to it.
    /// </summary>
    public (Tensor Activation, Tensor Logits) ForwardKeeping(Tensor input, string layer = LastConvBlock)
    {
        Tensor? kept = null;
        var x = input.div(255f);
        foreach (var (name, module) in _layers.named_children())
        {
            x = ((Module<Tensor, Tensor>)module).call(x);
            if (name == layer)
            {
                kept = x;
            }
        }
        return (kept ?? throw new ArgumentException($"seed-cnn has no layer '{layer}'", nameof(layer)), x);
    }

    private void InitLikeKeras()
    {
        using var noGrad = no_grad();
        foreach (var module in _layers.children())
        {
            if (module is Conv2d conv)
            {
                init.xavier_uniform_(conv.weight);
                init.zeros_(conv.bias);
            }
            else if (module is Linear linear)
            {
                init.xavier_uniform_(linear.weight);
                init.zeros_(linear.bias);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }
        base.Dispose(disposing);
    }
}
