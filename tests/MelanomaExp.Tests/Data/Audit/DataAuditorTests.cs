using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Data.Audit;
using MelanomaExp.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MelanomaExp.Tests.Data.Audit;

public class DataAuditorTests
{
    /// <summary>A textured picture: smooth random blobs, so perceptual hashes of different pictures differ.</summary>
    private static Image<Rgb24> Picture(int seed)
    {
        var rng = new Random(seed);
        var blobs = Enumerable.Range(0, 6).Select(_ => (X: rng.Next(64), Y: rng.Next(64), R: rng.Next(8, 24), C: new Rgb24((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256)))).ToList();
        var image = new Image<Rgb24>(64, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var hit = blobs.LastOrDefault(b => ((x - b.X) * (x - b.X)) + ((y - b.Y) * (y - b.Y)) < b.R * b.R);
                image[x, y] = hit == default ? new Rgb24(230, 200, 190) : hit.C;
            }
        }
        return image;
    }

    /// <summary>
    /// class a: p1, p1 again (byte copy), p2 rotated 90° (of b's p2), p3 re-encoded as JPEG;
    /// class b: p1 (conflict with a), p2, p4; plus two unrelated pictures.
    /// </summary>
    private static ImageStore Planted(TempDir dir)
    {
        Directory.CreateDirectory(dir.Combine("a"));
        Directory.CreateDirectory(dir.Combine("b"));
        using (var p1 = Picture(1))
        using (var p2 = Picture(2))
        using (var p3 = Picture(3))
        using (var p4 = Picture(4))
        using (var p5 = Picture(5))
        {
            p1.SaveAsPng(dir.Combine("a", "p1.png"));
            File.Copy(dir.Combine("a", "p1.png"), dir.Combine("a", "p1-copy.png"));
            File.Copy(dir.Combine("a", "p1.png"), dir.Combine("b", "p1-conflict.png"));
            p2.SaveAsPng(dir.Combine("b", "p2.png"));
            using (var turned = p2.Clone(x => x.Rotate(RotateMode.Rotate90)))
            {
                turned.SaveAsPng(dir.Combine("a", "p2-turned.png"));
            }
            p3.SaveAsPng(dir.Combine("a", "p3.png"));
            p3.SaveAsJpeg(dir.Combine("a", "p3-reencoded.jpg"));
            p4.SaveAsPng(dir.Combine("b", "p4.png"));
            p5.SaveAsPng(dir.Combine("b", "p5.png"));
        }
        return ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 64, 64, BadImagePolicy.Fail);
    }

    private static string Name(ImageStore s, int i) => Path.GetFileNameWithoutExtension(s.Paths[i]);

    private static HashSet<string> PairNames(ImageStore s, IEnumerable<ImagePair> pairs) =>
        pairs.Select(p => string.Join('+', new[] { Name(s, p.A), Name(s, p.B) }.Order(StringComparer.Ordinal))).ToHashSet();

    [Fact]
    public void Finds_exact_copies_conflicts_rotated_and_reencoded_copies_and_nothing_else()
    {
        using var dir = new TempDir();
        var store = Planted(dir);
        var findings = DataAuditor.Audit(store, AuditDefaults.Threshold);
        Assert.Equal(["p1+p1-conflict", "p1+p1-copy", "p1-conflict+p1-copy"], PairNames(store, findings.ExactPairs).Order(StringComparer.Ordinal));
        Assert.Equal(["p2+p2-turned", "p3+p3-reencoded"], PairNames(store, findings.NearPairs).Order(StringComparer.Ordinal));
        Assert.Equal(["p1+p1-conflict", "p1-conflict+p1-copy", "p2+p2-turned"], PairNames(store, findings.Conflicts).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings.Pairs, p => Name(store, p.A) is "p4" or "p5" || Name(store, p.B) is "p4" or "p5");
    }

    [Fact]
    public void Group_aware_split_never_separates_a_group()
    {
        using var dir = new TempDir();
        var store = Planted(dir);
        var findings = DataAuditor.Audit(store, AuditDefaults.Threshold);
        for (var seed = 0; seed < 30; seed++)
        {
            var split = GroupSplitter.Make(store.Labels, findings.Groups(), 0.4, stratify: true, new Random(seed));
            Assert.Empty(findings.Straddling(split.Train, split.Validation));
            // Checked from the pairs themselves too, not only through the auditor's own counter.
            var (train, validation) = (split.Train.ToHashSet(), split.Validation.ToHashSet());
            Assert.DoesNotContain(findings.Pairs, p => (train.Contains(p.A) && validation.Contains(p.B)) || (train.Contains(p.B) && validation.Contains(p.A)));
            Assert.Equal(store.Count, split.Train.Length + split.Validation.Length);
        }
    }

    [Fact]
    public void A_split_that_separates_a_pair_is_counted_as_straddling()
    {
        using var dir = new TempDir();
        var store = Planted(dir);
        var findings = DataAuditor.Audit(store, AuditDefaults.Threshold);
        var pair = findings.Pairs[0];
        var train = Enumerable.Range(0, store.Count).Where(i => i != pair.B).ToArray();
        Assert.Contains(findings.Straddling(train, [pair.B]), p => p == pair);
    }

    [Fact]
    public void Policies_dedupe_drop_conflicts_and_group_the_split()
    {
        using var dir = new TempDir();
        var store = Planted(dir);
        var spec = new DataSpec("", "", null, 64, 64, 0.4, true, BadImagePolicy.Fail, null)
        {
            Audit = new AuditSpec(DuplicatePolicy.Dedupe, ConflictPolicy.Drop, AuditDefaults.Threshold, LeakagePolicy.Group),
        };
        var (kept, split, summary) = AuditStage.Apply(store, null, spec, new Random(1), dir.Path);
        // p1 (both classes) and the p2 pair conflict: all five images go; no exact same-class duplicate is left to dedupe.
        Assert.Equal(5, summary.RemovedConflicts);
        Assert.Equal(store.Count - 5, kept.Count);
        Assert.DoesNotContain(kept.Paths, p => Path.GetFileName(p).StartsWith("p1", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("p2", StringComparison.Ordinal));
        Assert.Equal(0, summary.TrainValidationPairs);
        // The three conflicts are all a/b: one example of that class pair, then the two near duplicates; file names on both sides.
        Assert.Equal(3, summary.Examples.Count);
        Assert.Single(summary.Examples, x => x.CaptionA.Split('\n')[0] != x.CaptionB.Split(' ', '\n')[0] && x.CaptionB.Contains("identical", StringComparison.Ordinal));
        Assert.All(summary.Examples, x => Assert.Matches(@"\n\S+\.(png|jpg)$", x.CaptionA));
        Assert.All(summary.Examples, x => Assert.Matches(@"\n\S+\.(png|jpg)$", x.CaptionB));

        var fail = spec with { Audit = spec.Audit with { Conflicts = ConflictPolicy.Fail } };
        var e = Assert.Throws<BadInputException>(() => AuditStage.Apply(store, null, fail, new Random(1), dir.Path));
        Assert.Contains("3 pair(s) of the same picture carry different labels", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Counts_on_the_real_train_folder_when_present()
    {
        var data = Prerequisite.RealData();
        var audit = FolderAudit.Run([Path.Combine(data, "Train")], AuditDefaults.Threshold);
        Assert.Equal(2241, audit.Findings.Images);
        Assert.Equal(141, audit.Findings.ExactPairs.Count());
        var exactConflicts = audit.Findings.ExactPairs.Where(p => audit.Store.Labels[p.A] != audit.Store.Labels[p.B]).ToList();
        Assert.Equal(137, exactConflicts.Count);
        var byPair = exactConflicts
            .GroupBy(p => string.Join(" / ", new[] { audit.Store.Classes[audit.Store.Labels[p.A]], audit.Store.Classes[audit.Store.Labels[p.B]] }.Order(StringComparer.Ordinal)))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(75, byPair["melanoma / seborrheic keratosis"]);
        Assert.Equal(62, byPair["actinic keratosis / nevus"]);
    }

    [Fact]
    public void Findings_are_cached_by_content_and_threshold()
    {
        using var dir = new TempDir();
        var cache = dir.Combine("cache");
        Environment.SetEnvironmentVariable("MELANOMA_EXP_CACHE", cache);
        try
        {
            var store = Planted(dir);
            var first = AuditCache.GetOrCompute(store, AuditDefaults.Threshold);
            Assert.Single(Directory.GetFiles(Path.Combine(cache, "audit")));
            var again = AuditCache.GetOrCompute(store, AuditDefaults.Threshold);
            Assert.Equal(first.Pairs, again.Pairs);
            AuditCache.GetOrCompute(store, AuditDefaults.Threshold + 2);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(cache, "audit")).Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MELANOMA_EXP_CACHE", null);
        }
    }

    [Fact]
    public void A_poisoned_or_damaged_cache_entry_is_recomputed_not_trusted()
    {
        using var dir = new TempDir();
        var cache = dir.Combine("cache");
        Environment.SetEnvironmentVariable("MELANOMA_EXP_CACHE", cache);
        try
        {
            var store = Planted(dir);
            var truth = DataAuditor.Audit(store, AuditDefaults.Threshold).Pairs;
            AuditCache.GetOrCompute(store, AuditDefaults.Threshold);
            var file = Assert.Single(Directory.GetFiles(Path.Combine(cache, "audit")));
            var far = Enumerable.Range(0, store.Count).SelectMany(a => Enumerable.Range(a + 1, store.Count - a - 1).Select(b => new ImagePair(a, b, 0, true)))
                .First(p => !truth.Any(t => t.A == p.A && t.B == p.B));

            // Poisoned with a consistent checksum: a pair of different images claimed identical (it would drop them as a conflict).
            var poisoned = System.Text.Json.JsonSerializer.Serialize(truth.Append(far).ToList());
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(poisoned)));
            File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(new { Sha256 = sha, Pairs = poisoned }));
            Assert.Equal(truth, AuditCache.GetOrCompute(store, AuditDefaults.Threshold).Pairs);

            // Damaged: cut short, and a pair list that no longer matches its checksum.
            var whole = File.ReadAllText(file);
            File.WriteAllText(file, whole[..(whole.Length / 2)]);
            Assert.Equal(truth, AuditCache.GetOrCompute(store, AuditDefaults.Threshold).Pairs);
            File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(new { Sha256 = sha, Pairs = "[]" }));
            Assert.Equal(truth, AuditCache.GetOrCompute(store, AuditDefaults.Threshold).Pairs);
            Assert.NotEmpty(truth);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MELANOMA_EXP_CACHE", null);
        }
    }
}
