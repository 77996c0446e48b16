using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>
/// Floating-point work of one image through a sequential network, counted from the layer shapes a real
/// forward pass produces: a convolution costs 2 x (output elements) x (input channels per group x kernel
/// area), a linear layer 2 x inputs x outputs; activations, pooling and the loss are left out (they are
/// memory-bound and small). Training costs about three forward passes (forward, gradient of the input,
/// gradient of the weights), less the input gradient of the first layer, which nothing needs.
/// </summary>
internal sealed record ModelCost(double ForwardFlops, double FirstLayerFlops)
{
    public double TrainingFlops => (3 * ForwardFlops) - FirstLayerFlops;

    /// <summary>Runs one zero image of <paramref name="channels"/> x <paramref name="height"/> x <paramref name="width"/> through the leaf modules in order.</summary>
    public static ModelCost Count(nn.Module<Tensor, Tensor> model, int channels, int height, int width)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = zeros(1, channels, height, width, device: model.parameters().First().device);
        double total = 0;
        double first = 0;
        foreach (var layer in model.modules().Where(m => !m.children().Any()).OfType<nn.Module<Tensor, Tensor>>())
        {
            var output = layer.forward(x);
            var flops = layer switch
            {
                Conv2d conv => 2.0 * output.numel() * conv.weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b),
                Linear linear => 2.0 * linear.weight.shape[0] * linear.weight.shape[1],
                _ => 0,
            };
            if (first == 0)
            {
                first = flops;
            }
            total += flops;
            x = output;
        }
        return new ModelCost(total, first);
    }
}
