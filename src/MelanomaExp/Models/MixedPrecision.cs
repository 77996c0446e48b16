using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>
/// Runs a stack of layers in a reduced-precision type with float32 master weights, as autocast would
/// (TorchSharp 0.107 has no autocast): each convolution and dense layer gets a cast copy of its float32
/// weight and bias, the casts are part of the autograd graph, so gradients arrive in float32 on the
/// master weights and the optimizer never sees the reduced type. Batch norm runs in float32, since its
/// statistics lose too much in 8 mantissa bits. The logits come back as float32 for the loss.
/// </summary>
internal static class MixedPrecision
{
    public static Tensor Forward(IEnumerable<nn.Module<Tensor, Tensor>> layers, Tensor input, ScalarType type)
    {
        var x = input.to(type);
        foreach (var layer in layers)
        {
            var next = layer switch
            {
                Conv2d conv => nn.functional.conv2d(x, conv.weight!.to(type), conv.bias?.to(type), conv.stride, conv.padding, conv.dilation, conv.groups),
                Linear linear => nn.functional.linear(x, linear.weight!.to(type), linear.bias?.to(type)),
                BatchNorm2d norm => FloatForward(norm, x, type),
                _ => layer.forward(x),
            };
            if (!ReferenceEquals(x, input))
            {
                x.Dispose();
            }
            x = next;
        }
        var logits = x.to(ScalarType.Float32);
        x.Dispose();
        return logits;
    }

    private static Tensor FloatForward(BatchNorm2d norm, Tensor x, ScalarType type)
    {
        using var wide = x.to(ScalarType.Float32);
        using var normalized = norm.forward(wide);
        return normalized.to(type);
    }
}
