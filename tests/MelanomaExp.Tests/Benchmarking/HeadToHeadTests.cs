using MelanomaExp.Benchmarking;
using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Benchmarking;

[Collection("PeerPython")] // reads MELANOMA_EXP_PYTHON, which PeerBenchTests sets
public class HeadToHeadTests
{
    [Fact]
    public void Median_ratio_discards_the_cycle_a_burst_of_load_hit()
    {
        // PyTorch 150, 120 and (hit by load) 300 ms against melanoma-exp's 100 ms: ratios 1.5, 1.2, 3.0.
        var duel = new HeadToHead([new(100, 150), new(100, 120), new(100, 300)]);
        Assert.Equal(1.5, duel.MedianRatio, 9);
        Assert.Equal((1.2, 3.0), (duel.MinRatio, duel.MaxRatio));
        var md = HeadToHeadMarkdown.Render(duel, batch: 32);
        Assert.Contains("| 3 | 100 | 300 | 3.00x |", md, StringComparison.Ordinal);
        Assert.Contains("**1.50x** the speed of PyTorch (median of 3 cycles, range 1.20x to 3.00x; batch 32)", md, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Alternates_our_step_with_the_reference_script_once_per_cycle()
    {
        Prerequisite.Need(File.Exists(PeerBench.Python) ? PeerBench.Python : null, $"{PeerBench.Python}, to run a stand-in reference script");
        using var dir = new TempDir();
        // A stand-in for peer_seed_cnn.py: counts its calls in a file and reports a 1000 ms step.
        var calls = dir.Combine("calls");
        var script = dir.Combine("peer.py");
        File.WriteAllText(script, $$"""
            import json
            with open({{System.Text.Json.JsonSerializer.Serialize(calls)}}, "a") as f:
                f.write("x")
            print(json.dumps({"train": {"median_ms": 1000.0, "images_per_s": 4.0}, "infer": {"images_per_s": 8.0},
                              "version": "stand-in", "blas": "none", "threads": 1}))
            """);
        var log = new List<string>();
        var duel = HeadToHead.Run(script, classes: 3, size: 16, batch: 4, rounds: 2, cycles: 2, CPU, log.Add);

        Assert.Equal("xx", File.ReadAllText(calls));
        Assert.Equal(2, duel.Cycles.Count);
        Assert.All(duel.Cycles, c => Assert.Equal(1000.0, c.PyTorchMs));
        Assert.All(duel.Cycles, c => Assert.InRange(c.MelanomaExpMs, 0.001, 999));
        Assert.All(duel.Cycles, c => Assert.Equal(1000.0 / c.MelanomaExpMs, c.Ratio, 9));
        Assert.Equal(["cycle 1 of 2", "cycle 2 of 2"], log.Select(l => l.Split(':')[0].Replace("head to head, ", "", StringComparison.Ordinal)));
    }
}
