using MelanomaExp.Config;

namespace MelanomaExp.Data.Audit;

/// <summary>Class folders audited together (Train and Test, say): findings over all images, and pairs that cross folders.</summary>
public sealed record FolderAudit(IReadOnlyList<string> Folders, ImageStore Store, int[] Origin, AuditFindings Findings)
{
    /// <summary>Images are decoded small: the perceptual hash looks at 32x32 anyway.</summary>
    public const int DecodeSize = 64;

    public static FolderAudit Run(IReadOnlyList<string> folders, int threshold)
    {
        if (folders.Count == 0)
        {
            throw new BadInputException("audit: give at least one folder of class folders or experiment file");
        }
        ImageStore? all = null;
        var origin = new List<int>();
        for (var f = 0; f < folders.Count; f++)
        {
            var index = DatasetScanner.Scan(folders[f]);
            var store = ImageStoreLoader.Load(index, DecodeSize, DecodeSize, BadImagePolicy.Fail, skipHint: null);
            if (all is not null && !all.Classes.SequenceEqual(store.Classes))
            {
                throw new BadInputException($"{folders[f]}: classes ({string.Join(", ", store.Classes)}) differ from {folders[0]} ({string.Join(", ", all.Classes)})");
            }
            all = all is null ? store : all.Append(store.Pixels, store.Labels, store.Paths, store.Hashes);
            origin.AddRange(Enumerable.Repeat(f, store.Count));
        }
        return new FolderAudit(folders, all!, [.. origin], DataAuditor.Audit(all!, threshold));
    }

    public int CrossFolderPairs => Findings.Pairs.Count(p => Origin[p.A] != Origin[p.B]);

    public IReadOnlyList<(string First, string Second, int Pairs)> ConflictsByClassPair() => Findings.ConflictsByClassPair(Store.Classes);
}
