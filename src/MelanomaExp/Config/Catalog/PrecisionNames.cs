namespace MelanomaExp.Config.Catalog;

/// <summary>
/// The values of <c>train.precision</c>. What each means on which device is <c>Training.Precision</c>'s business; the
/// names live here so the loader can check them without importing the training code.
/// </summary>
internal static class PrecisionNames
{
    public const string Fp32 = "fp32";
    public const string Bf16 = "bf16";
    public const string Fp16 = "fp16";

    public static readonly string[] All = [Fp32, Bf16, Fp16];
}
