namespace MelanomaExp.Acquisition;

/// <summary>The files do not match the manifest: nothing was moved into place; <see cref="Check"/> names what was wrong.</summary>
public sealed class DataCheckFailedException(string source, ManifestCheckResult check)
    : BadInputException($"{source}: does not match the manifest: {check.Describe()} (nothing was kept)")
{
    public ManifestCheckResult Check { get; } = check;
}
