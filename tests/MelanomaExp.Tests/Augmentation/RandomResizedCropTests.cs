using MelanomaExp.Augmentation.Online;
using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Augmentation;

public class RandomResizedCropTests
{
    [Fact]
    public void Windows_stay_inside_the_image_and_cover_the_asked_share_of_it()
    {
        var rng = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var c = RandomResizedCrop.Draw(rng, 0.5);
            Assert.InRange(Math.Abs(c[2]) + c[0], 0, 1 + 1e-12);
            Assert.InRange(Math.Abs(c[5]) + c[4], 0, 1 + 1e-12);
            // Area share is w * h (both as fractions of the side); a side cut at 1 only lowers it.
            Assert.InRange(c[0] * c[4], 0.5 * 3 / 4 / (4.0 / 3) * 0.999, 1 + 1e-12);
            Assert.InRange(c[0] / c[4], 3.0 / 4 * 0.999, 4.0 / 3 * 1.001 / Math.Min(1, c[4]));
        }
    }

    [Fact]
    public void Composing_with_the_identity_leaves_the_crop_and_a_hand_computed_composition_matches()
    {
        double[] crop = [0.5, 0, 0.25, 0, 0.5, -0.5];
        Assert.Equal(crop, RandomResizedCrop.Compose(crop, [1, 0, 0, 0, 1, 0]));
        // A horizontal flip then the crop: x_in = 0.5 * (-x) + 0.25.
        Assert.Equal(new[] { -0.5, 0, 0.25, 0, 0.5, -0.5 }, RandomResizedCrop.Compose(crop, [-1, 0, 0, 0, 1, 0]));
    }

    [Fact]
    public void Cropping_a_left_to_right_ramp_narrows_the_range_of_values_and_leaves_no_fill()
    {
        // Column x of a 32-wide image holds the value 8x (0..248). With constant (black) fill, any
        // sampling outside the image would show as 0 inside the output's interior columns.
        var ramp = Enumerable.Range(0, 3 * 32 * 32).Select(k => (float)(8 * (k % 32))).ToArray();
        using var images = tensor(ramp).reshape(1, 3, 32, 32).expand(8, 3, 32, 32).contiguous().add(1);
        var spec = new AugmentSpec(FlipMode.None, 0, 0, 0, 0, 0, FillMode.Constant) { CropScale = 0.3 };
        using var output = new BatchAugmenter(spec).Apply(images, new Random(7));
        Assert.True(output.min().item<float>() > 0.5);
        using var spread = output.amax([1, 2, 3]) - output.amin([1, 2, 3]);
        Assert.True(spread.max().item<float>() < 249);
    }
}
