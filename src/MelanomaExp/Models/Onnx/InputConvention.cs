namespace MelanomaExp.Models.Onnx;

/// <summary>
/// How the pixels a backbone was trained on looked: channel order, scale and per-channel mean and standard deviation
/// (in the backbone's channel order). Applied inside the module, so training, <c>evaluate</c> and <c>predict</c> all
/// feed it what it expects from the tool's 0..255 RGB images.
/// </summary>
internal sealed record InputConvention(bool Bgr, double Scale, float[] Mean, float[] Std)
{
    /// <summary>0..255 RGB as the tool loads images, nothing subtracted.</summary>
    public static readonly InputConvention Raw = new(false, 1, [0, 0, 0], [1, 1, 1]);

    public string Describe() =>
        $"{(Bgr ? "BGR" : "RGB")} channel order, values 0..255 x {Scale:R}, minus [{string.Join(", ", Mean.Select(m => m.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]" +
        (Std.All(s => s == 1) ? "" : $", divided by [{string.Join(", ", Std.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]");
}
