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
}
