using MelanomaExp.Data;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class FlipTtaTests
{
    /// <summary>Logits = (mean of the left column, mean of the right column) of the red channel: a model that only looks at one side.</summary>
    private sealed class LeftRight : nn.Module<Tensor, Tensor>
    {
        public LeftRight()
            : base("left_right")
        {
        }

        public override Tensor forward(Tensor input) =>
            stack([input[.., 0, .., 0].mean([1]), input[.., 0, .., -1].mean([1])], 1).div(100);
    }

    [Fact]
    public void Averaging_over_flips_makes_a_one_sided_model_symmetric()
    {
        // Red 0 on the left, 100 on the right (a 1 x 2 image): logits (0, 1), p = (0.268941, 0.731059).
        // Its horizontal flip gives the reverse, so the mean of the four flips is (0.5, 0.5).
        byte[] pixels = [0, 0, 0, 100, 0, 0];
        var store = new ImageStore(["a", "b"], 1, 2, pixels, [1], ["x"], []);
        using var source = new BatchSource(store, CPU);
        using var model = new LeftRight();
        var plain = Evaluator.Run(model, source, [0]);
        Assert.Equal(0.731059, plain.Probabilities[0][1], 5);
        var tta = Evaluator.Run(model, source, [0], flipTta: true);
        Assert.Equal(0.5, tta.Probabilities[0][0], 5);
        Assert.Equal(0.5, tta.Probabilities[0][1], 5);
        Assert.Equal(Math.Log(2), tta.Loss, 5);
    }
}
