using MelanomaExp.Augmentation.Online;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models;

public class ChannelsLastTests
{
    [Fact]
    public void Of_keeps_shape_and_values_and_changes_strides()
    {
        using var scope = NewDisposeScope();
        var x = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);
        Assert.False(ChannelsLast.Is(x));
        var y = ChannelsLast.Of(x);
        Assert.True(ChannelsLast.Is(y));
        Assert.Equal(x.shape, y.shape);
        Assert.True(x.eq(y).all().item<bool>());
    }

    [Fact]
    public void Training_batches_reach_the_model_channels_last_with_and_without_augmentation()
    {
        using var scope = NewDisposeScope();
        var store = new ImageStore(["a"], 8, 8, new byte[2 * 8 * 8 * 3], [0, 0], ["x", "y"], []);
        using var source = new BatchSource(store, CPU);
        var (images, _) = source.Gather([0, 1]);
        Assert.True(ChannelsLast.Is(images));
        var augment = new AugmentSpec(FlipMode.HorizontalAndVertical, 0.2, 0.2, 0, 0.1, 0.1, FillMode.Reflect);
        Assert.True(ChannelsLast.Is(new BatchAugmenter(augment).Apply(images, new Random(1))));
    }
}
