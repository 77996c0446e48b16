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
    public bool Geometric => Flip != FlipMode.None || Rotation > 0 || Zoom > 0 || Translation > 0;
}
