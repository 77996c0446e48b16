using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Preprocessing;

/// <summary>
/// A network behind the step's <c>preprocess:</c> settings, so training, evaluation and a saved model's
/// predictions all see images treated the same way. The channel statistics are buffers: they are saved
/// with the weights and restored with them.
/// </summary>
internal sealed class Preprocessed : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _inner;
    private readonly PreprocessSpec _spec;

    public Preprocessed(nn.Module<Tensor, Tensor> inner, PreprocessSpec spec)
        : base("preprocessed")
    {
        _inner = inner;
        _spec = spec;
        register_module("inner", _inner);
        // Looked up by name when used: moving the module to a device replaces the buffer tensors.
        register_buffer("channel_mean", zeros(1, 3, 1, 1));
        register_buffer("channel_std", ones(1, 3, 1, 1));
    }

    public PreprocessSpec Spec => _spec;

    /// <summary>The network behind the preprocessing.</summary>
    public nn.Module<Tensor, Tensor> Inner => _inner;

    /// <summary>The standardisation's per-channel mean and standard deviation (1, 3, 1, 1), as measured on the training images.</summary>
    public Tensor ChannelMean => get_buffer("channel_mean")!;

    public Tensor ChannelStd => get_buffer("channel_std")!;

    /// <summary>Colour constancy alone (what channel statistics are measured after).</summary>
    public Tensor Correct(Tensor images) => _spec.ColourConstancy > 0 ? ShadesOfGray.Apply(images, _spec.ColourConstancy) : images.alias();

    public void SetStatistics(float[] mean, float[] std)
    {
        using var noGrad = no_grad();
        using var m = tensor(mean).reshape(1, 3, 1, 1);
        using var s = tensor(std).reshape(1, 3, 1, 1);
        get_buffer("channel_mean")!.copy_(m);
        get_buffer("channel_std")!.copy_(s);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _inner.forward(Prepare(input)).MoveToOuterDisposeScope();
    }

    /// <summary>The images as the inner network receives them.</summary>
    public Tensor Prepare(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = Correct(input);
        if (_spec.Standardize)
        {
            x = x.sub(get_buffer("channel_mean")!).div(get_buffer("channel_std")!);
        }
        return x.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
