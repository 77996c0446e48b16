using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>ResNet's basic block: two 3x3 convolutions with batch norm, added to the input (through a 1x1 projection when the shape changes), then ReLU.</summary>
internal sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential? _shortcut;

    public ResidualBlock(string name, int inChannels, int outChannels, int stride)
        : base(name)
    {
        _conv1 = Conv2d(inChannels, outChannels, kernel_size: 3, stride: stride, padding: 1, bias: false);
        _bn1 = BatchNorm2d(outChannels);
        _conv2 = Conv2d(outChannels, outChannels, kernel_size: 3, padding: 1, bias: false);
        _bn2 = BatchNorm2d(outChannels);
        _shortcut = stride == 1 && inChannels == outChannels
            ? null
            : Sequential(("conv", Conv2d(inChannels, outChannels, kernel_size: 1, stride: stride, bias: false)), ("bn", BatchNorm2d(outChannels)));
        RegisterComponents();
    }

    public Conv2d Conv1 => _conv1;

    public BatchNorm2d Bn1 => _bn1;

    public Conv2d Conv2 => _conv2;

    public BatchNorm2d Bn2 => _bn2;

    /// <summary>The 1x1 projection of the input when the block changes its shape; null: the input is added as it is.</summary>
    public Sequential? Shortcut => _shortcut;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(_bn1.forward(_conv1.forward(input)));
        x = _bn2.forward(_conv2.forward(x));
        var identity = _shortcut is null ? input : _shortcut.forward(input);
        return functional.relu(x.add(identity)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _bn1.Dispose();
            _conv2.Dispose();
            _bn2.Dispose();
            _shortcut?.Dispose();
        }
        base.Dispose(disposing);
    }
}
