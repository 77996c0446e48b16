using MelanomaExp.Documents;
using MelanomaExp.Provenance;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>
/// What decides a run's floating-point bits beyond its settings: the device, the CPU (its family and
/// instruction-set level, by which oneDNN picks kernels), torch's thread count (how sums are split) and
/// the native library. Two runs that agree on all of these must agree bit for bit; two that differ
/// behave like runs of nearby seeds, since training amplifies a last-bit difference.
/// </summary>
internal static class NumericsIdentity
{
    private static readonly string[] Packages = ["TorchSharp", "libtorch"];

    /// <summary>Each numerics property on which the two reports differ.</summary>
    public static List<EnvironmentDifference> Differences(ReportFolder before, ReportFolder after)
    {
        var differences = new List<EnvironmentDifference>();
        foreach (var key in NumericsFingerprint.EnvironmentKeys)
        {
            Add(differences, key.Replace('_', ' '), before.Manifest.EnvironmentText(key), after.Manifest.EnvironmentText(key));
        }
        foreach (var package in Packages)
        {
            Add(differences, package, before.Manifest.PackageText(package), after.Manifest.PackageText(package));
        }
        return differences;
    }

    private static void Add(List<EnvironmentDifference> differences, string property, string? committed, string? reproduced)
    {
        // Neither side recorded it (fixed test environments): nothing to compare. One side only (a report written before
        // the property was recorded): same numerics cannot be shown, so it counts as a difference, "not recorded".
        if ((Unknown(committed) && Unknown(reproduced)) || committed == reproduced)
        {
            return;
        }
        differences.Add(new EnvironmentDifference(property, Unknown(committed) ? "not recorded" : committed!, Unknown(reproduced) ? "not recorded" : reproduced!));
    }

    private static bool Unknown(string? value) => string.IsNullOrEmpty(value) || value == ManifestDocument.None;
}
