using MelanomaExp.Data;
using MelanomaExp.Provenance;

namespace MelanomaExp.Running;

/// <summary>The fingerprint of a loaded image set (Provenance computes it from plain values and knows no image store).</summary>
internal static class StoreFingerprint
{
    public static DatasetFingerprint Of(ImageStore store) =>
        DatasetFingerprint.Of(store.Classes, [.. Enumerable.Range(0, store.Count).Select(i => (store.Labels[i], store.Paths[i], store.Hashes[i]))]);
}
