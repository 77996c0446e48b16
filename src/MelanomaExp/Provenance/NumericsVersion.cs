namespace MelanomaExp.Provenance;

/// <summary>
/// The version of the tool's own numerics: what its code does to turn settings and images into weights (data order,
/// initialisation, augmentation draws, the training loop, the loss). It enters <see cref="NumericsFingerprint"/>, so
/// steps trained by code of another numerics version are never reused or resumed as this code's. Bump it in any change
/// that alters a step's bits; <c>Provenance/NumericsVersionTests</c> holds a tiny fixed step's weights sha256 per machine
/// kind and fails until the version and those values are updated together.
/// </summary>
internal static class NumericsVersion
{
    public const int Current = 1;
}
