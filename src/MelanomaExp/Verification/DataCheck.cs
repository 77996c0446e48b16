using MelanomaExp.Config;
using MelanomaExp.Provenance;
using MelanomaExp.Running;

namespace MelanomaExp.Verification;

/// <summary>Before a long rerun: is the data here the data the committed report was made from?</summary>
internal static class DataCheck
{
    public static void SameAsCommitted(CommittedReport committed, Experiment experiment, string root)
    {
        if (committed.Folder.TrainData is not { } recorded)
        {
            return;
        }
        var here = StoreFingerprint.Of(PreparedData.Load(experiment, root).Train);
        var expected = recorded.Fingerprint;
        if (here.Hash == expected)
        {
            return;
        }
        var counts = recorded.PerClass;
        var differing = counts.Keys.Union(here.PerClass.Keys).Order(StringComparer.Ordinal)
            .Select(c => (c, counts.GetValueOrDefault(c), here.PerClass.GetValueOrDefault(c)))
            .Where(x => x.Item2 != x.Item3)
            .Select(x => $"{x.c}: {x.Item2} in the report, {x.Item3} here")
            .ToList();
        var detail = differing.Count == 0 ? "same counts per class, different image content" : string.Join("; ", differing);
        throw new BadInputException($"{root}: the training data differs from the report's (fingerprint {expected}, here {here.Hash}): {detail}");
    }
}
