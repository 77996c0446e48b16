using MelanomaExp.Augmentation.Online;
using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Augmentation;

public class ColourJitterTests
{
    private static Tensor Pixel(float r, float g, float b) => tensor(new[] { r, g, b }).reshape(1, 3, 1, 1);

    [Fact]
    public void Saturation_zero_turns_a_pixel_into_its_luma_grey()
    {
        // Pure red 255: Y = 0.299 * 255 = 76.245 in every channel.
        using var output = ColourJitter.Apply(Pixel(255, 0, 0), ColourJitter.Matrix(0, 0));
        Assert.All(output.data<float>().ToArray(), v => Assert.Equal(76.245, v, 2));
    }

    [Fact]
    public void No_turn_and_factor_one_is_the_identity_and_a_full_turn_comes_back()
    {
        using var image = Pixel(120, 60, 30);
        using var same = ColourJitter.Apply(image, ColourJitter.Matrix(0, 1));
        using var around = ColourJitter.Apply(image, ColourJitter.Matrix(1, 1));
        Assert.True(same.allclose(image, atol: 1e-3));
        Assert.True(around.allclose(image, atol: 1e-3));
    }

    [Fact]
    public void A_hue_turn_changes_the_colour_but_keeps_luma_and_leaves_grey_alone()
    {
        using var image = Pixel(120, 60, 30);
        using var turned = ColourJitter.Apply(image, ColourJitter.Matrix(0.25, 1));
        var v = turned.data<float>().ToArray();
        Assert.False(turned.allclose(image, atol: 1));
        // Luma of the input: 0.299 * 120 + 0.587 * 60 + 0.114 * 30 = 74.52.
        Assert.Equal(74.52, (0.299 * v[0]) + (0.587 * v[1]) + (0.114 * v[2]), 2);
        using var grey = Pixel(90, 90, 90);
        using var greyTurned = ColourJitter.Apply(grey, ColourJitter.Matrix(0.3, 1.5));
        Assert.True(greyTurned.allclose(grey, atol: 1e-3));
    }

    [Fact]
    public void The_augmenter_draws_hue_and_saturation_per_image_reproducibly()
    {
        random.manual_seed(2);
        using var images = (rand(6, 3, 8, 8) * 200) + 20;
        var spec = new AugmentSpec(FlipMode.None, 0, 0, 0, 0, 0, FillMode.Reflect) { Hue = 0.1, Saturation = 0.5 };
        using var a = new BatchAugmenter(spec).Apply(images, new Random(5));
        using var b = new BatchAugmenter(spec).Apply(images, new Random(5));
        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.allclose(images, atol: 1));
        // Luma is kept per pixel (up to clamping at 0 and 255, which these mid-range values rarely reach).
        using var weights = tensor(new[] { 0.299f, 0.587f, 0.114f }).reshape(1, 3, 1, 1);
        using var lumaIn = (images * weights).sum(1);
        using var lumaOut = (a * weights).sum(1);
        Assert.True((lumaIn - lumaOut).abs().median().item<float>() < 1e-2);
    }
}
