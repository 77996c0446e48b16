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
        var tiles = chosen.SelectMany(p => new[]
        {
            new Tile(store.Image(p.A).ToArray(), [store.Classes[store.Labels[p.A]], Path.GetFileName(store.Paths[p.A])]),
            new Tile(store.Image(p.B).ToArray(), [$"{store.Classes[store.Labels[p.B]]} ({(p.Exact ? "identical" : $"{p.Distance} bits")})", Path.GetFileName(store.Paths[p.B])]),
        }).ToList();
        Safety.OutputFile.WritePng(TileGrid.Encode(tiles, store.Height, store.Width, columns: 2), path);
    }
}
