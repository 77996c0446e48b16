using MelanomaExp.Config;
using MelanomaExp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models;

/// <summary>
/// SeedCnn runs each max pooling before its ReLU. The oracle is the Keras order itself: the model's leaf
/// layers called one after another as they are registered (conv, ReLU, pool), on the same weights.
/// </summary>
public class SeedCnnExecutionOrderTests
{
    [Fact]
    public void Pools_before_each_relu_and_keeps_the_keras_names()
    {
        using var model = NewModel(dropout: 0.25, batchNorm: false);
        var names = model.ExecutionOrder.Select(l => l.Name).ToList();
        Assert.Equal(["conv1", "pool1", "relu1", "dropout1", "conv2", "pool2", "relu2"], names.Take(7));
        Assert.Equal(model.named_children().Single().module.named_children().Select(c => c.name).Order(), names.Order());
    }

    [Theory]
    [InlineData(false, 45, 38)]
    [InlineData(true, 32, 32)]
    public void Gives_the_keras_order_logits_and_gradients_bit_for_bit(bool batchNorm, int height, int width)
    {
        using var model = NewModel(dropout: 0, batchNorm, height, width);
        model.train();
        random.manual_seed(7);
        using var images = rand(4, 3, height, width) * 255;
        using var labels = tensor(new long[] { 0, 3, 8, 5 });

        var (ours, oursGrads) = LogitsAndGradients(model, images, labels, m => m.forward(images));
        var (keras, kerasGrads) = LogitsAndGradients(model, images, labels, m => KerasOrder(m, images));

        Assert.True(Same(ours, keras), "logits differ from the Keras order");
        Assert.Equal(kerasGrads.Count, oursGrads.Count);
        for (var i = 0; i < kerasGrads.Count; i++)
        {
            Assert.True(kerasGrads[i].abs().sum().item<float>() > 0, $"gradient {i} is all zero: the comparison would prove nothing");
            Assert.True(Same(oursGrads[i], kerasGrads[i]), $"gradient {i} differs from the Keras order");
        }
    }

    [Fact]
    public void Mixed_precision_runs_the_same_order_with_the_same_result()
    {
        using var model = NewModel(dropout: 0, batchNorm: false);
        model.ComputeType = ScalarType.BFloat16;
        random.manual_seed(11);
        using var images = rand(2, 3, 32, 32) * 255;
        using var scaled = images.div(255f);
        using var ours = model.forward(images);
        var kerasLayers = KerasLayers(model).Select(l => l.Layer);
        using var keras = MixedPrecision.Forward(kerasLayers, scaled, ScalarType.BFloat16);
        Assert.True(Same(ours, keras));
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static SeedCnn NewModel(double dropout, bool batchNorm, int height = 32, int width = 32)
    {
        random.manual_seed(3);
        return (SeedCnn)ModelFactory.Create(new ModelSpec("seed-cnn", dropout) { BatchNorm = batchNorm }, 9, height, width);
    }

    private static IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> KerasLayers(SeedCnn model) =>
        model.named_modules()
            .Where(m => !m.module.children().Any())
            .Select(m => (m.name.Split('.')[^1], (nn.Module<Tensor, Tensor>)m.module));

    private static Tensor KerasOrder(SeedCnn model, Tensor images)
    {
        var x = images.div(255f);
        foreach (var (_, layer) in KerasLayers(model))
        {
            x = layer.call(x);
        }
        return x;
    }

    private static (Tensor Logits, List<Tensor> Gradients) LogitsAndGradients(SeedCnn model, Tensor images, Tensor labels, Func<SeedCnn, Tensor> forward)
    {
        model.zero_grad(set_to_none: true);
        var logits = forward(model);
        nn.functional.cross_entropy(logits, labels).backward();
        return (logits.detach(), model.parameters().Select(p => p.grad!.clone()).ToList());
    }
}
