using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>
/// A small ResNet for training from scratch on a few thousand images: a 3x3 stem of 32 filters with
/// stride 2 (it keeps the cost near the seed CNN's on 2 CPU cores: about 0.25 GMAC per 96x96 image), then
/// three stages of two basic residual blocks (32, 64, 128 filters; the second and third halve the
/// resolution), global average pooling, dropout (when asked) and a linear classifier. Every
/// convolution is followed by batch normalisation. He (Kaiming) initialisation, as in the ResNet paper.
/// Input: float images N x 3 x H x W with values 0..255, scaled by 1/255 unless <paramref name="rescale"/> is false (standardised input).
/// </summary>
internal sealed class ResNetSmall : Module<Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly Dropout? _dropout;
    private readonly Linear _classifier;
    private readonly bool _rescale;

    public ResNetSmall(int classes, double dropout, bool rescale = true)
        : base("resnet_small")
    {
        _rescale = rescale;
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("stem_conv", Conv2d(3, 32, kernel_size: 3, stride: 2, padding: 1, bias: false)),
            ("stem_bn", BatchNorm2d(32)),
            ("stem_relu", ReLU()),
        };
        var channels = 32;
        foreach (var (width, stage) in new[] { 32, 64, 128 }.Select((w, i) => (w, i + 1)))
        {
            layers.Add(($"stage{stage}_block1", new ResidualBlock($"stage{stage}_block1", channels, width, stage == 1 ? 1 : 2)));
            layers.Add(($"stage{stage}_block2", new ResidualBlock($"stage{stage}_block2", width, width, 1)));
            channels = width;
        }
        layers.Add(("pool", AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", Flatten()));
        _features = Sequential(layers);
        _dropout = dropout > 0 ? Dropout(dropout) : null;
        _classifier = Linear(channels, classes);
        RegisterComponents();
        using var noGrad = no_grad();
        foreach (var module in modules())
        {
            if (module is Conv2d conv)
            {
                init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
            }
        }
    }

    /// <summary>Whether the forward divides its 0..255 input by 255 (false when the input arrives standardised).</summary>
    public bool Rescale => _rescale;

    /// <summary>Stem, stages, global pool and flatten: everything before the (optional) dropout and the classifier.</summary>
    public Sequential Features => _features;

    public Linear Classifier => _classifier;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = _features.forward(_rescale ? input.div(255f) : input);
        return _classifier.forward(_dropout is null ? features : _dropout.forward(features)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _features.Dispose();
            _dropout?.Dispose();
            _classifier.Dispose();
        }
        base.Dispose(disposing);
    }
}
