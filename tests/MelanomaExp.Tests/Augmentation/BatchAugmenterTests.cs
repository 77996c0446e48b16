using MelanomaExp.Augmentation.Online;
using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Augmentation;

public class BatchAugmenterTests
{
    private static Tensor Batch()
    {
        random.manual_seed(1);
        return (rand(4, 3, 16, 16) * 200) + 30;
    }

    [Fact]
    public void Horizontal_flip_alone_mirrors_some_images_and_leaves_the_rest()
    {
        using var images = Batch();
        var augmenter = new BatchAugmenter(new AugmentSpec(FlipMode.Horizontal, 0, 0, 0, 0, 0, FillMode.Reflect));
        using var output = augmenter.Apply(images, new Random(4));
        using var mirrored = images.flip(3);
        var kinds = Enumerable.Range(0, 4).Select(i =>
            output[i].allclose(images[i], atol: 1e-3) ? "same" : output[i].allclose(mirrored[i], atol: 1e-3) ? "mirrored" : "other").ToList();
        Assert.DoesNotContain("other", kinds);
        Assert.Contains("same", kinds);
        Assert.Contains("mirrored", kinds);
    }

    [Fact]
    public void Same_generator_seed_gives_the_same_batch_and_reflect_fill_leaves_no_empty_pixels()
    {
        using var images = Batch();
        var spec = new AugmentSpec(FlipMode.HorizontalAndVertical, 0.2, 0.2, 0.1, 0.1, 0.1, FillMode.Reflect);
        using var a = new BatchAugmenter(spec).Apply(images, new Random(9));
        using var b = new BatchAugmenter(spec).Apply(images, new Random(9));
        using var c = new BatchAugmenter(spec).Apply(images, new Random(10));
        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.equal(c).all().item<bool>());
        Assert.Equal(images.shape, a.shape);
        Assert.True(a.min().item<float>() > 0);
        Assert.True(a.max().item<float>() <= 255);
    }

    [Fact]
    public void Constant_fill_shows_black_where_a_zoomed_out_image_ends()
    {
        using var images = Batch();
        using var output = new BatchAugmenter(new AugmentSpec(FlipMode.None, 0, 0.9, 0, 0, 0, FillMode.Constant)).Apply(images, new Random(2));
        Assert.True(output.eq(0).any().item<bool>());
    }
}
