using MelanomaExp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Explaining;

/// <summary>A heatmap over an image (row-major, height x width), scaled so its largest value is 1 (all zero when nothing pointed to the class).</summary>
public sealed record Heatmap(float[] Values, int Height, int Width)
{
    /// <summary>Share of the map's total mass inside the rectangle (rows top..top+h, columns left..left+w); NaN for an all-zero map.</summary>
    public double MassInside(int top, int left, int h, int w)
    {
        double inside = 0, total = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var v = Values[(y * Width) + x];
                total += v;
                inside += y >= top && y < top + h && x >= left && x < left + w ? v : 0;
            }
        }
        return total == 0 ? double.NaN : inside / total;
    }
}

/// <summary>
/// Grad-CAM (Selvaraju et al. 2017): where in an image the network found evidence for a class. The
/// gradient of the class's logit with respect to the last convolution block's activation is averaged
/// over space to weigh each channel; the weighted sum of the channels, through a ReLU, is the map,
/// upsampled bilinearly to the image size. Computed in float32 with TorchSharp's autograd, whatever
/// precision the model trained in.
/// </summary>
internal static class GradCam
{
    /// <param name="architecture">Says which layer is explained and runs the forward that keeps it.</param>
    internal static Heatmap Of(IArchitecture architecture, nn.Module<Tensor, Tensor> model, ReadOnlySpan<byte> rgb, int height, int width, int targetClass)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var device = model.parameters().First().device;
        var input = tensor(rgb.ToArray(), [1, height, width, 3]).to(ScalarType.Float32).permute(0, 3, 1, 2).to(device);
        var (activation, logits) = architecture.ForwardKeeping(model, input);
        var score = logits[0, targetClass];
        var gradient = torch.autograd.grad([score], [activation])[0];
        var weights = gradient.mean([2, 3], keepdim: true);
        var cam = nn.functional.relu((weights * activation).sum(1, keepdim: true));
        var upsampled = nn.functional.interpolate(cam, [height, width], mode: InterpolationMode.Bilinear, align_corners: false).squeeze();
        var peak = upsampled.max().item<float>();
        var values = (peak > 0 ? upsampled / peak : upsampled).cpu().data<float>().ToArray();
        return new Heatmap(values, height, width);
    }
}
