using System.Text.Json.Serialization;

namespace MelanomaExp.Config;

public enum DuplicatePolicy
{
    Keep,
    Dedupe,
}

public enum ConflictPolicy
{
    Keep,
    Drop,
    Fail,
}

/// <summary>Test images that copy a training image (the cross-split audit): scored with the rest, or left out of every Test figure.</summary>
public enum TestCopyPolicy
{
    Keep,
    Exclude,
}

public enum LeakagePolicy
{
    Warn,
    Group,
    Fail,
}

/// <summary>
/// What a run does with the audit's findings. Defaults change nothing (the notebook's numbers stay
/// reproducible); <c>dedupe</c>, <c>drop</c> and <c>group</c> are the honest settings.
/// </summary>
public sealed record AuditSpec(DuplicatePolicy Duplicates, ConflictPolicy Conflicts, int NearDuplicateThreshold, LeakagePolicy Leakage)
{
    public static readonly AuditSpec Default = new(DuplicatePolicy.Keep, ConflictPolicy.Keep, AuditDefaults.Threshold, LeakagePolicy.Warn);

    /// <summary>
    /// <c>test_copies</c>: keep scores every Test image and adds the figures without the copies beside them; exclude
    /// leaves the copies out of every Test figure (they are listed in the audit either way).
    /// </summary>
    /// <remarks>Left out of the step key when kept (the default), so the keys of every experiment from before the option are unchanged.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TestCopyPolicy TestCopies { get; init; } = TestCopyPolicy.Keep;
}
