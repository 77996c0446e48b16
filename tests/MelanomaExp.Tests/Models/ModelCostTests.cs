using MelanomaExp.Models;
using MelanomaExp.Config;

namespace MelanomaExp.Tests.Models;

public class ModelCostTests
{
    [Fact]
    public void Seed_cnn_at_180_costs_what_its_layer_shapes_say()
    {
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, 180, 180);
        var cost = ModelCost.Count(model, 3, 180, 180);
        // 2 x outputs x (in-channels x 3 x 3) per convolution, 2 x in x out per dense layer.
        const double conv1 = 2.0 * 32 * 180 * 180 * 3 * 9;
        const double conv2 = 2.0 * 64 * 90 * 90 * 32 * 9;
        const double conv3 = 2.0 * 128 * 45 * 45 * 64 * 9;
        const double dense = 2.0 * 22 * 22 * 128 * 128;
        const double classifier = 2.0 * 128 * 9;
        Assert.Equal(conv1 + conv2 + conv3 + dense + classifier, cost.ForwardFlops);
        Assert.Equal(669_046_016, cost.ForwardFlops);
        Assert.Equal(conv1, cost.FirstLayerFlops);
        Assert.Equal((3 * cost.ForwardFlops) - conv1, cost.TrainingFlops);
    }

    [Fact]
    public void Dropout_adds_no_counted_work()
    {
        using var plain = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, 64, 64);
        using var dropped = ModelFactory.Create(new ModelSpec("seed-cnn", 0.25), 9, 64, 64);
        Assert.Equal(ModelCost.Count(plain, 3, 64, 64).ForwardFlops, ModelCost.Count(dropped, 3, 64, 64).ForwardFlops);
    }
}
