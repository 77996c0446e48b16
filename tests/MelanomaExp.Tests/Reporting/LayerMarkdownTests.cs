using MelanomaExp.Benchmarking;
using MelanomaExp.Reporting;

namespace MelanomaExp.Tests.Reporting;

public class LayerMarkdownTests
{
    private static LayerTiming Layer(string name, double forward, double? backward) =>
        new(name, new Samples([forward]), backward is { } b ? new Samples([b]) : null);

    [Fact]
    public void Names_only_the_directions_slower_by_both_margins()
    {
        var mine = new[] { Layer("conv1", 20, 50), Layer("relu1", 1.5, 3), Layer("dense", 10, 10.5), Layer("adam_step", 9, null), Layer("only_here", 100, 100) };
        var peer = new PeerLayers("1.13", 2, [Layer("conv1", 20, 40), Layer("relu1", 1, 2), Layer("dense", 10, 10), Layer("adam_step", 5, null)]);

        // conv1 backward: 25 % and 10 ms slower; relu1: 50 % but under 1 ms; dense: 0.5 ms and 5 %; adam_step: 80 % and 4 ms.
        Assert.Equal(
            ["conv1 backward 50.0 against 40.0 ms (1.25x)", "adam_step forward 9.0 against 5.0 ms (1.80x)"],
            LayerMarkdown.Slower(mine, peer));
        var md = LayerMarkdown.Render(mine, peer, batch: 32, wholeStepMs: 180);
        Assert.Contains("| conv1 | 20.00 | 50.00 | 20.00 | 40.00 | 70.00 | 60.00 | 1.17x |", md, StringComparison.Ordinal);
        Assert.Contains("| only_here | 100.00 | 100.00 | - | - | 200.00 | - | - |", md, StringComparison.Ordinal);
        Assert.Contains("Sum of the rows: melanoma-exp 304 ms, PyTorch 88 ms (the whole step, timed above in the same layout: 180 ms).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_so_when_no_layer_is_slower()
    {
        var mine = new[] { Layer("conv1", 10, 10) };
        var md = LayerMarkdown.Render(mine, new PeerLayers("1.13", 2, [Layer("conv1", 12, 30)]), batch: 32, wholeStepMs: null);
        Assert.Contains("No layer is slower in melanoma-exp than in PyTorch", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Slower in melanoma-exp", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_when_the_rows_run_in_another_order_than_the_peers()
    {
        var peer = new PeerLayers("1.13", 2, [Layer("conv1", 1, 1), Layer("relu1", 1, 1), Layer("pool1", 1, 1)]);
        var sameOrder = LayerMarkdown.Render([Layer("conv1", 1, 1), Layer("relu1", 1, 1), Layer("pool1", 1, 1)], peer, batch: 32, wholeStepMs: null);
        var poolFirst = LayerMarkdown.Render([Layer("conv1", 1, 1), Layer("pool1", 1, 1), Layer("relu1", 1, 1)], peer, batch: 32, wholeStepMs: null);
        Assert.DoesNotContain("runs each max pooling before its ReLU", sameOrder, StringComparison.Ordinal);
        Assert.Contains("runs each max pooling before its ReLU", poolFirst, StringComparison.Ordinal);
    }
}
