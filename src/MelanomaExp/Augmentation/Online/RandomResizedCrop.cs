namespace MelanomaExp.Augmentation.Online;

/// <summary>
/// A random resized crop as an affine map in grid_sample's normalised coordinates: a window covering
/// a share of the image's area drawn uniformly from [minScale, 1], with an aspect ratio drawn
/// log-uniformly from [3/4, 4/3] (torchvision's defaults), placed uniformly inside the image and
/// stretched back to the full size. A side that would exceed the image is cut to it, so the window
/// never reaches outside the picture (no fill pixels).
/// </summary>
internal static class RandomResizedCrop
{
    /// <summary>[width, 0, centre x, 0, height, centre y]: input = window * output + centre, each coordinate in [-1, 1].</summary>
    public static double[] Draw(Random rng, double minScale)
    {
        var area = minScale + (rng.NextDouble() * (1 - minScale));
        var ratio = Math.Exp(Math.Log(3.0 / 4) + (rng.NextDouble() * (Math.Log(4.0 / 3) - Math.Log(3.0 / 4))));
        var w = Math.Min(1, Math.Sqrt(area * ratio));
        var h = Math.Min(1, Math.Sqrt(area / ratio));
        var cx = ((rng.NextDouble() * 2) - 1) * (1 - w);
        var cy = ((rng.NextDouble() * 2) - 1) * (1 - h);
        return [w, 0, cx, 0, h, cy];
    }

    /// <summary>The 2x3 map <paramref name="crop"/> applied after <paramref name="affine"/> (both output-to-input).</summary>
    public static double[] Compose(double[] crop, double[] affine) =>
    [
        (crop[0] * affine[0]) + (crop[1] * affine[3]), (crop[0] * affine[1]) + (crop[1] * affine[4]), (crop[0] * affine[2]) + (crop[1] * affine[5]) + crop[2],
        (crop[3] * affine[0]) + (crop[4] * affine[3]), (crop[3] * affine[1]) + (crop[4] * affine[4]), (crop[3] * affine[2]) + (crop[4] * affine[5]) + crop[5],
    ];
}
