using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

/// <summary>Oracle: Keras' Adam update computed by hand in double precision, step by step.</summary>
public class KerasAdamTests
{
    private const double Lr = 0.01;

    // Small gradients, where the placement of epsilon matters most.
    private static readonly double[] Gradients = [2e-7, -5e-7, 1e-6, 3e-7, -1e-7];

    private static double[] KerasByHand(double start)
    {
        double p = start, m = 0, v = 0;
        var path = new List<double>();
        for (var t = 1; t <= Gradients.Length; t++)
        {
            var g = Gradients[t - 1];
            m = (KerasAdam.Beta1 * m) + ((1 - KerasAdam.Beta1) * g);
            v = (KerasAdam.Beta2 * v) + ((1 - KerasAdam.Beta2) * g * g);
            var lrT = Lr * Math.Sqrt(1 - Math.Pow(KerasAdam.Beta2, t)) / (1 - Math.Pow(KerasAdam.Beta1, t));
            p -= lrT * m / (Math.Sqrt(v) + KerasAdam.Epsilon);
            path.Add(p);
        }
        return [.. path];
    }

    private static double[] Run(bool keras)
    {
        using var p = new TorchSharp.Modules.Parameter(tensor(new[] { 1.0 }, dtype: float64));
        using var adam = keras ? KerasAdam.Create([p], Lr) : optim.Adam([p], Lr, eps: KerasAdam.Epsilon);
        var path = new List<double>();
        for (var t = 1; t <= Gradients.Length; t++)
        {
            adam.zero_grad();
            using var loss = (p * Gradients[t - 1]).sum();
            loss.backward();
            if (keras)
            {
                KerasAdam.PrepareStep(adam, t);
            }
            adam.step();
            path.Add(p.item<double>());
        }
        return [.. path];
    }

    [Fact]
    public void Follows_keras_update_rule_step_by_step()
    {
        var expected = KerasByHand(1.0);
        var actual = Run(keras: true);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    [Fact]
    public void Torch_adam_with_the_same_nominal_epsilon_moves_differently()
    {
        // The case the keras rule exists for: torch's epsilon after bias correction is ~30x smaller at t=1.
        var keras = KerasByHand(1.0);
        var torch = Run(keras: false);
        Assert.True(Math.Abs((1 - torch[0]) - (1 - keras[0])) > 1e-4, $"torch step {1 - torch[0]}, keras step {1 - keras[0]}");
    }
}
