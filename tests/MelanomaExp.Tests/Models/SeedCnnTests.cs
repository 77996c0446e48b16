using MelanomaExp.Config;
using MelanomaExp.Models;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models;

public class SeedCnnTests
{
    [Theory]
    [InlineData(180, 180)]
    [InlineData(64, 48)]
    public void Outputs_one_logit_per_class(int height, int width)
    {
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, height, width);
        using var input = rand(2, 3, height, width) * 255;
        using var output = model.forward(input);
        Assert.Equal([2L, 9L], output.shape);
    }

    [Fact]
    public void Has_the_same_parameter_count_as_the_keras_model()
    {
        // Keras summary of the notebook's model at 180x180: 896 + 18,496 + 73,856 + 7,929,984 + 1,161.
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, 180, 180);
        Assert.Equal(8_024_393L, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Dropout_layers_are_added_only_when_asked()
    {
        using var plain = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, 32, 32);
        using var dropped = ModelFactory.Create(new ModelSpec("seed-cnn", 0.25), 9, 32, 32);
        Assert.DoesNotContain(plain.named_modules(), m => m.name.Contains("dropout", StringComparison.Ordinal));
        Assert.Equal(4, dropped.named_modules().Count(m => m.name.Contains("dropout", StringComparison.Ordinal)));
    }

    [Fact]
    public void Biases_start_at_zero_like_keras()
    {
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 9, 32, 32);
        foreach (var (name, p) in model.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)))
        {
            Assert.True(p.abs().sum().item<float>() == 0, name);
        }
    }
}
