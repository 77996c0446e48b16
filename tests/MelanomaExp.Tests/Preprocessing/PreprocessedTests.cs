using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Preprocessing;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Preprocessing;

public class PreprocessedTests
{
    /// <summary>Two 1x2 images: red 0 and 100 in the first, 200 and 100 in the second; green 10 everywhere; blue 0, 0, 30, 30.</summary>
    private static ImageStore Store()
    {
        byte[] pixels = [0, 10, 0, 100, 10, 0, 200, 10, 30, 100, 10, 30];
        return new ImageStore(["a", "b"], 1, 2, pixels, [0, 1], ["x", "y"], []);
    }

    [Fact]
    public void Channel_statistics_match_the_hand_computed_mean_and_population_deviation()
    {
        // Red: 0, 100, 200, 100 -> mean 100, variance (100^2 + 0 + 100^2 + 0) / 4 = 5000, sd 70.7107.
        // Green: all 10 -> sd 0, floored at 1e-3. Blue: 0, 0, 30, 30 -> mean 15, sd 15.
        using var source = new BatchSource(Store(), CPU);
        var (mean, std) = ChannelStatistics.Of(source.ImageBatches([0, 1], Evaluator.BatchSize), null);
        Assert.Equal(new[] { 100f, 10f, 15f }, mean);
        Assert.Equal(70.7107, std[0], 3);
        Assert.Equal(1e-3, std[1], 6);
        Assert.Equal(15, std[2], 4);
        var (oneMean, _) = ChannelStatistics.Of(source.ImageBatches([1], Evaluator.BatchSize), null);
        Assert.Equal(150f, oneMean[0]);
    }

    [Fact]
    public void The_network_sees_standardised_input_and_the_statistics_survive_a_save_and_load()
    {
        using var dir = new TempDir();
        var spec = new PreprocessSpec(0, Standardize: true);
        using var model = (Preprocessed)ModelFactory.Create(new ModelSpec("seed-cnn", 0), 2, 8, 8, preprocess: spec);
        model.SetStatistics([100, 10, 15], [50, 2, 5]);
        model.save(dir.Combine("w.pt"));
        using var loaded = (Preprocessed)ModelFactory.Create(new ModelSpec("seed-cnn", 0), 2, 8, 8, preprocess: spec);
        loaded.load(dir.Combine("w.pt"));
        Assert.True(loaded.get_buffer("channel_std")!.allclose(tensor(new float[] { 50, 2, 5 }).reshape(1, 3, 1, 1)));

        // Same weights, no preprocessing, fed (x - mean) / sd by hand: the same logits.
        var network = (SeedCnn)model.named_children().Single().module;
        using var noGrad = no_grad();
        random.manual_seed(3);
        using var x = rand(2, 3, 8, 8) * 255;
        using var byHand = x.sub(tensor(new float[] { 100, 10, 15 }).reshape(1, 3, 1, 1)).div(tensor(new float[] { 50, 2, 5 }).reshape(1, 3, 1, 1));
        model.eval();
        network.eval();
        Assert.True(model.forward(x).allclose(network.forward(byHand), atol: 1e-5));
    }
}
