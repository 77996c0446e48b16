using MelanomaExp.Data;
using MelanomaExp.Data.Audit;

namespace MelanomaExp.Reporting;

/// <summary>Example pairs found by the audit, side by side, captioned with class and hash distance.</summary>
public static class AuditPairsGrid
{
    public static void Write(ImageStore store, IEnumerable<ImagePair> pairs, string path, int max = 6)
    {
        var chosen = pairs.Take(max).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        var captions = chosen.SelectMany(p => new[]
        {
            $"{store.Classes[store.Labels[p.A]]} ({(p.Exact ? "identical" : $"{p.Distance} bits")})",
            $"{store.Classes[store.Labels[p.B]]} {Path.GetFileNameWithoutExtension(store.Paths[p.B])}",
        }).ToList();
        var images = chosen.SelectMany(p => new[] { store.Image(p.A).ToArray(), store.Image(p.B).ToArray() }).Select(b => (byte[]?)b).ToList();
        Safety.OutputFile.WritePng(SampleGrid.Encode(captions, images, store.Height, store.Width, columns: 2), path);
    }
}
