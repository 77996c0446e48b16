using System.Text.Json.Serialization;

namespace MelanomaExp.Config;

public enum FlipMode
{
    None,
    Horizontal,
    Vertical,
    HorizontalAndVertical,
}

public enum FillMode
{
    Reflect,
    Constant,
    Nearest,
}

/// <summary>
/// Online augmentation of training batches, fresh each epoch, with Keras' meanings: <c>rotation</c> is a
/// fraction of a full turn (0.2 = up to ±72°), <c>zoom</c> ±fraction of scale (positive zooms out),
/// <c>translation</c> ±fraction of width/height, <c>brightness</c> ±fraction of 255 added,
/// <c>contrast</c> ±fraction of contrast around each image's mean.
/// </summary>
public sealed record AugmentSpec(FlipMode Flip, double Rotation, double Zoom, double Translation, double Brightness, double Contrast, FillMode Fill)
{
    /// <summary><c>hue</c>: rotation of the hue by up to ±this fraction of a full turn (in YIQ colour space, luma kept).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Hue { get; init; }

    /// <summary><c>saturation</c>: saturation scaled by a factor in [1 - s, 1 + s] (blend with the image's own grey).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Saturation { get; init; }

    /// <summary><c>crop_scale</c>: random resized crop covering this to 100% of the area, aspect ratio 3/4 to 4/3, resized back (0 = off).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double CropScale { get; init; }

    public bool Geometric => Flip != FlipMode.None || Rotation > 0 || Zoom > 0 || Translation > 0 || CropScale > 0;

    public bool Colour => Hue > 0 || Saturation > 0;
}
