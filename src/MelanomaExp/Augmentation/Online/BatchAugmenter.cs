using MelanomaExp.Config;
using MelanomaExp.Models;
using static TorchSharp.torch;

namespace MelanomaExp.Augmentation.Online;

/// <summary>
/// Keras-style random augmentation of a whole training batch at once: one affine matrix per image
/// (flip, rotation, zoom, translation) applied with a single grid sample, then brightness and contrast.
/// Parameters are drawn from the generator it is given, so each (step, epoch, batch) is reproducible.
/// </summary>
internal sealed class BatchAugmenter
{
    private readonly AugmentSpec _spec;

    public BatchAugmenter(AugmentSpec spec) => _spec = spec;

    /// <summary>Images N x 3 x H x W with values 0..255; returns a new tensor in the input's memory order (grid_sample writes NCHW; convolutions run faster on channels-last).</summary>
    public Tensor Apply(Tensor images, Random rng)
    {
        var n = (int)images.shape[0];
        var (h, w) = (images.shape[2], images.shape[3]);
        var output = images;
        if (_spec.Geometric)
        {
            var theta = new float[n * 6];
            for (var i = 0; i < n; i++)
            {
                Affine(rng, w / (double)h).CopyTo(theta, i * 6);
            }
            using var matrices = tensor(theta, [n, 2, 3], device: images.device);
            using var grid = nn.functional.affine_grid(matrices, [n, 3, h, w], align_corners: false);
            output = nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, Padding(_spec.Fill), align_corners: false);
        }
        if (_spec.Brightness > 0 || _spec.Contrast > 0)
        {
            output = Photometric(output, n, rng);
        }
        if (_spec.Colour)
        {
            var jittered = ColourJitter.Apply(output, ColourJitter.Draw(rng, n, _spec.Hue, _spec.Saturation));
            if (!ReferenceEquals(output, images))
            {
                output.Dispose();
            }
            output = jittered;
        }
        return ChannelsLast.Is(images) && !ChannelsLast.Is(output) ? ChannelsLast.Of(output) : output;
    }

    /// <summary>
    /// Maps output coordinates to input coordinates in grid_sample's normalised space. A zoom factor
    /// z &gt; 0 samples a larger area (zooms out), as Keras' RandomZoom; rotation turns about the centre,
    /// corrected for the aspect ratio <paramref name="aspect"/> = width / height.
    /// </summary>
    private float[] Affine(Random rng, double aspect)
    {
        var flipX = _spec.Flip is FlipMode.Horizontal or FlipMode.HorizontalAndVertical && rng.Next(2) == 0 ? -1 : 1;
        var flipY = _spec.Flip is FlipMode.Vertical or FlipMode.HorizontalAndVertical && rng.Next(2) == 0 ? -1 : 1;
        var angle = Uniform(rng, _spec.Rotation) * 2 * Math.PI;
        var scale = 1 + Uniform(rng, _spec.Zoom);
        var tx = Uniform(rng, _spec.Translation) * 2;
        var ty = Uniform(rng, _spec.Translation) * 2;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        double[] affine =
        [
            cos * scale * flipX, -sin * scale / aspect * flipY, tx,
            sin * scale * aspect * flipX, cos * scale * flipY, ty,
        ];
        // The crop is taken first (as torchvision's RandomResizedCrop before its other transforms): output -> affine -> crop window -> input.
        var m = _spec.CropScale > 0 ? RandomResizedCrop.Compose(RandomResizedCrop.Draw(rng, _spec.CropScale), affine) : affine;
        return m.Select(v => (float)v).ToArray();
    }

    private Tensor Photometric(Tensor images, int n, Random rng)
    {
        var shift = new float[n];
        var factor = new float[n];
        for (var i = 0; i < n; i++)
        {
            shift[i] = (float)(Uniform(rng, _spec.Brightness) * 255);
            factor[i] = (float)(1 + Uniform(rng, _spec.Contrast));
        }
        using var shifts = tensor(shift, [n, 1, 1, 1], device: images.device);
        using var factors = tensor(factor, [n, 1, 1, 1], device: images.device);
        using var mean = images.mean([1, 2, 3], keepdim: true);
        return ((images - mean) * factors + mean + shifts).clamp(0, 255);
    }

    /// <summary>Uniform in [-range, range]; draws nothing when the range is zero, so disabled options do not shift the sequence.</summary>
    private static double Uniform(Random rng, double range) => range == 0 ? 0 : ((rng.NextDouble() * 2) - 1) * range;

    private static GridSamplePaddingMode Padding(FillMode fill) => fill switch
    {
        FillMode.Constant => GridSamplePaddingMode.Zeros,
        FillMode.Nearest => GridSamplePaddingMode.Border,
        _ => GridSamplePaddingMode.Reflection,
    };
}
