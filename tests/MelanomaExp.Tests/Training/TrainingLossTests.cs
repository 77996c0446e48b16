using MelanomaExp.Config;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class TrainingLossTests
{
    [Fact]
    public void Balanced_weights_are_n_over_k_times_the_class_count()
    {
        // 4 images, 2 classes seen 3 and 1 times (a third never): 4 / (3 * 3), 4 / (3 * 1), 0.
        Assert.Equal(new[] { 4f / 9, 4f / 3, 0f }, TrainingLoss.BalancedWeights([0, 0, 0, 1], 3));
    }

    [Fact]
    public void Weighted_loss_matches_the_hand_computed_weighted_mean()
    {
        // Logits [0, ln 3]: p = (0.25, 0.75). Image 1 is class 0 (loss ln 4 = 1.386294), image 2 is
        // class 1 (loss ln(4/3) = 0.287682). Weights from labels [0, 0, 0, 1]: 2/3 and 2.
        // Weighted mean: (2/3 * 1.386294 + 2 * 0.287682) / (2/3 + 2) = 0.562335.
        var spec = new TrainSpec(1, 2, "adam", 0.001) { BalancedClassWeights = true };
        using var loss = new TrainingLoss(spec, [0, 0, 0, 1]);
        using var logits = tensor(new[] { 0f, MathF.Log(3), 0f, MathF.Log(3) }).reshape(2, 2);
        using var targets = tensor(new long[] { 0, 1 });
        Assert.Equal(0.562335, loss.Of(logits, targets).item<float>(), 5);
        using var plain = new TrainingLoss(new TrainSpec(1, 2, "adam", 0.001), [0, 0, 0, 1]);
        Assert.Equal((1.386294 + 0.287682) / 2, plain.Of(logits, targets).item<float>(), 5);
    }

    [Fact]
    public void Label_smoothing_matches_the_hand_computed_loss()
    {
        // e = 0.1, K = 2: target (0.95, 0.05) for class 0; p = (0.25, 0.75):
        // -(0.95 ln 0.25 + 0.05 ln 0.75) = 1.316979 + 0.014384 = 1.331364.
        using var loss = new TrainingLoss(new TrainSpec(1, 1, "adam", 0.001) { LabelSmoothing = 0.1 }, [0]);
        using var logits = tensor(new[] { 0f, MathF.Log(3) }).reshape(1, 2);
        using var targets = tensor(new long[] { 0 });
        Assert.Equal(1.331364, loss.Of(logits, targets).item<float>(), 5);
    }

    [Fact]
    public void Class_weights_made_in_one_batch_serve_the_next_batches()
    {
        // The trainer computes each batch's loss inside its own dispose scope: the weights made in the first
        // must not die with it. Same hand-computed loss as above, three batches in a row.
        var spec = new TrainSpec(1, 2, "adam", 0.001) { BalancedClassWeights = true };
        using var loss = new TrainingLoss(spec, [0, 0, 0, 1]);
        for (var batch = 0; batch < 3; batch++)
        {
            using var scope = NewDisposeScope();
            var logits = tensor(new[] { 0f, MathF.Log(3), 0f, MathF.Log(3) }).reshape(2, 2);
            var targets = tensor(new long[] { 0, 1 });
            Assert.Equal(0.562335, loss.Of(logits, targets).item<float>(), 5);
        }
    }
}
