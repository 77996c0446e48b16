using MelanomaExp.Benchmarking;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Benchmarking;

public class LayerBenchTests
{
    // The names scripts/peer_layers.py gives its rows, in its order: the two tables are joined on them.
    private static readonly string[] PeerNames =
    [
        "rescale", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "conv3", "relu3", "pool3",
        "flatten", "dense", "relu_dense", "classifier", "loss", "adam_step", "zero_grad",
    ];

    [Fact]
    public void Every_part_of_the_step_is_timed_in_forward_order_under_the_peers_names()
    {
        var layers = LayerBench.Run(classes: 3, size: 16, batch: 4, warmup: 1, rounds: 2, CPU);
        Assert.Equal(PeerNames.Order(), layers.Select(l => l.Layer).Order());
        // The model's own order: each block pools before its ReLU (SeedCnn.ExecutionOrder).
        Assert.Equal(["rescale", "conv1", "pool1", "relu1", "conv2", "pool2", "relu2"], layers.Select(l => l.Layer).Take(7));
        var withoutBackward = new[] { "rescale", "adam_step", "zero_grad" };
        Assert.All(layers, l => Assert.Equal(withoutBackward.Contains(l.Layer), l.BackwardMs is null));
        Assert.All(layers, l => Assert.Equal(2, l.ForwardMs.Values.Count));
        Assert.All(layers, l => Assert.True(l.ForwardMs.Min > 0, l.Layer));
    }

    [Fact]
    public void Peer_line_is_read_layer_by_layer()
    {
        var peer = PeerLayerBench.Parse("""
            {"engine": "pytorch", "version": "1.13.0a0", "threads": 2, "layers": [
              {"layer": "conv1", "forward_ms": [3.0, 1.0, 2.0], "backward_ms": [5.0, 7.0, 6.0]},
              {"layer": "adam_step", "forward_ms": [4.0], "backward_ms": null}]}
            """.ReplaceLineEndings(" "));
        Assert.Equal(("1.13.0a0", 2), (peer.Version, peer.Threads));
        Assert.Equal(["conv1", "adam_step"], peer.Layers.Select(l => l.Layer));
        Assert.Equal(2.0, peer.Layers[0].ForwardMs.Median);
        Assert.Equal(8.0, peer.Layers[0].TotalMedianMs);
        Assert.Null(peer.Layers[1].BackwardMs);
    }

    [Fact]
    public void The_tool_carries_the_committed_peer_script()
    {
        using var resource = typeof(PeerLayerBench).Assembly.GetManifestResourceStream(PeerLayerBench.ResourceName);
        Assert.NotNull(resource);
        using var reader = new StreamReader(resource);
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "peer_layers.py"));
        Assert.Equal(committed, reader.ReadToEnd());
        Assert.All(PeerNames.Where(n => n.StartsWith("conv", StringComparison.Ordinal) || n.StartsWith("pool", StringComparison.Ordinal)), n => Assert.Contains($"layers[f\"{n[..4]}{{i}}\"]", committed, StringComparison.Ordinal));
    }
}
