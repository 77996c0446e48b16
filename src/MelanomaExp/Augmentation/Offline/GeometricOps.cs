using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>Augmentor's geometric operations. Every result keeps the input's size.</summary>
internal static class GeometricOps
{
    /// <summary>
    /// Augmentor's rotate: left or right with equal chance, a whole number of degrees up to the maximum,
    /// rotation on an expanded canvas (bicubic), then the crop Augmentor computes for the largest
    /// rectangle without empty corners (its formula, quirks included), resized back (bicubic).
    /// A rotated sample is therefore also slightly zoomed in and never shows fill pixels.
    /// <paramref name="pilCanvas"/>: the expanded canvas as PIL sizes it (outer pixel bounds, 210 px for
    /// 180 px at 10 degrees) instead of ImageSharp's rounded size, so the crop matches Augmentor's.
    /// </summary>
    public static void Rotate(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng, bool pilCanvas = false)
    {
        var left = rng.Next(2) == 0;
        var degrees = left ? rng.Next(0, (int)p["max_left"] + 1) : rng.Next(0, (int)p["max_right"] + 1);
        if (degrees == 0)
        {
            return;
        }
        var (w, h) = (image.Width, image.Height);
        // ImageSharp turns clockwise for positive angles; Augmentor (PIL) anticlockwise.
        if (pilCanvas)
        {
            var (canvasW, canvasH) = PilExpandedSize(w, h, degrees);
            var turn = Matrix3x2.CreateTranslation(-w / 2f, -h / 2f)
                * Matrix3x2.CreateRotation((float)((left ? -degrees : degrees) * Math.PI / 180))
                * Matrix3x2.CreateTranslation(canvasW / 2f, canvasH / 2f);
            image.Mutate(x => x.Transform(new Rectangle(0, 0, w, h), turn, new Size(canvasW, canvasH), KnownResamplers.Bicubic));
        }
        else
        {
            image.Mutate(x => x.Rotate(left ? -degrees : degrees, KnownResamplers.Bicubic));
        }
        double bigW = image.Width, bigH = image.Height;
        var a = degrees * Math.PI / 180;
        var b = (90 - degrees) * Math.PI / 180;
        var ratio = Math.Sin(a) / Math.Sin(b);
        var e = ratio * (bigH - (bigW * ratio));
        e = (e / 1) - (Math.Sin(a) * Math.Sin(a) / (Math.Sin(b) * Math.Sin(b)));
        var bSide = bigW - e;
        var aSide = ratio * bSide;
        var box = Rectangle.FromLTRB((int)Math.Round(e), (int)Math.Round(aSide), (int)Math.Round(bigW - e), (int)Math.Round(bigH - aSide));
        box.Intersect(new Rectangle(0, 0, image.Width, image.Height));
        if (box.Width > 1 && box.Height > 1)
        {
            image.Mutate(x => x.Crop(box));
        }
        image.Mutate(x => x.Resize(w, h, KnownResamplers.Bicubic));
    }

    /// <summary>PIL's <c>rotate(expand=True)</c> canvas: the rotated corners' extent, ceil(max) - floor(min) on each axis.</summary>
    public static (int Width, int Height) PilExpandedSize(int w, int h, double degrees)
    {
        var a = -degrees * Math.PI / 180;
        // Pillow rounds the matrix to 15 decimals, which makes quarter turns exact.
        var (cos, sin) = (Math.Round(Math.Cos(a), 15), Math.Round(Math.Sin(a), 15));
        var (cx, cy) = (w / 2.0, h / 2.0);
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (x, y) in new[] { (0.0, 0.0), (w, 0.0), (w, h), (0.0, h) })
        {
            xs.Add((cos * (x - cx)) + (sin * (y - cy)) + cx);
            ys.Add((-sin * (x - cx)) + (cos * (y - cy)) + cy);
        }
        return ((int)(Math.Ceiling(xs.Max()) - Math.Floor(xs.Min())), (int)(Math.Ceiling(ys.Max()) - Math.Floor(ys.Min())));
    }

    public static void RotateQuarter(Image<Rgb24> image, int degrees)
    {
        var (w, h) = (image.Width, image.Height);
        // Augmentor's rotate90 is PIL's rotate(90): anticlockwise. ImageSharp's RotateMode turns clockwise.
        image.Mutate(x => x.Rotate(degrees switch { 90 => RotateMode.Rotate270, 180 => RotateMode.Rotate180, _ => RotateMode.Rotate90 }));
        if (image.Width != w)
        {
            image.Mutate(x => x.Resize(w, h, KnownResamplers.Bicubic));
        }
    }

    public static void Flip(Image<Rgb24> image, bool horizontal) =>
        image.Mutate(x => x.Flip(horizontal ? FlipMode.Horizontal : FlipMode.Vertical));

    /// <summary>Augmentor's zoom: enlarge by a factor drawn from [min, max] (two decimals), crop the centre back to size.</summary>
    public static void Zoom(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var factor = Math.Round(AugmentorOps.Uniform(rng, p["min_factor"], p["max_factor"]), 2);
        var (w, h) = (image.Width, image.Height);
        var (bigW, bigH) = ((int)Math.Round(w * factor), (int)Math.Round(h * factor));
        image.Mutate(x => x.Resize(bigW, bigH, KnownResamplers.Bicubic).Crop(new Rectangle((bigW - w) / 2, (bigH - h) / 2, w, h)));
    }

    /// <summary>
    /// zoom_random / crop_random: a random window covering <c>percentage_area</c> of the image (aspect kept),
    /// resized back to full size. (Augmentor's crop_random leaves the crop small; training needs one size.)
    /// </summary>
    public static void ZoomRandom(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var (w, h) = (image.Width, image.Height);
        var side = Math.Sqrt(p["percentage_area"]);
        var (cw, ch) = (Math.Max(1, (int)Math.Floor(w * side)), Math.Max(1, (int)Math.Floor(h * side)));
        var left = rng.Next(0, w - cw + 1);
        var top = rng.Next(0, h - ch + 1);
        image.Mutate(x => x.Crop(new Rectangle(left, top, cw, ch)).Resize(w, h, KnownResamplers.Bicubic));
    }

    /// <summary>Perspective tilt: one random side narrowed by up to <c>magnitude</c> of its length, centre cropped back to size.</summary>
    public static void Skew(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var (w, h) = (image.Width, image.Height);
        var side = (TaperSide)rng.Next(4);
        var fraction = 1 - (rng.NextDouble() * p["magnitude"]);
        var builder = new ProjectiveTransformBuilder().AppendTaper(side, TaperCorner.Both, (float)fraction);
        image.Mutate(x => x.Transform(builder, KnownResamplers.Bicubic));
        var box = new Rectangle(Math.Max(0, (image.Width - w) / 2), Math.Max(0, (image.Height - h) / 2), Math.Min(w, image.Width), Math.Min(h, image.Height));
        image.Mutate(x => x.Crop(box).Resize(w, h, KnownResamplers.Bicubic));
    }
}
