using MelanomaExp.Preprocessing;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Preprocessing;

public class ShadesOfGrayTests
{
    private static Tensor Uniform(float r, float g, float b, int size = 4) =>
        tensor(new[] { r, g, b }).reshape(1, 3, 1, 1).expand(1, 3, size, size).contiguous();

    [Fact]
    public void A_uniform_cast_becomes_grey_of_the_same_illuminant_length()
    {
        // e = (100, 50, 25), |e| = sqrt(13125) = 114.5644; gains |e| / (sqrt(3) e_c) turn every channel
        // into |e| / sqrt(3) = 66.1438, whatever p is.
        foreach (var p in new[] { 1.0, 6.0 })
        {
            using var output = ShadesOfGray.Apply(Uniform(100, 50, 25), p);
            var values = output.mean([2, 3]).data<float>().ToArray();
            Assert.All(values, v => Assert.Equal(66.1438, v, 3));
        }
    }

    [Fact]
    public void A_grey_image_is_left_unchanged()
    {
        using var grey = Uniform(80, 80, 80);
        using var output = ShadesOfGray.Apply(grey, 6);
        Assert.True(output.allclose(grey, atol: 1e-3));
    }

    [Fact]
    public void The_norm_p_decides_how_bright_pixels_weigh_in_the_illuminant()
    {
        // Two pixels: red is 0 in one and 100 in the other, green and blue are 50 in both.
        // p = 1: e = (50, 50, 50), neutral, nothing changes. p = 2: e_R = sqrt((0 + 100^2) / 2) = 70.7107,
        // |e| = sqrt(70.7107^2 + 2 * 50^2) = 100, gains: R 100 / (sqrt(3) * 70.7107) = 0.816497,
        // G and B 100 / (sqrt(3) * 50) = 1.154701.
        var image = tensor(new float[] { 0, 100, 50, 50, 50, 50 }).reshape(1, 3, 1, 2);
        using var p1 = ShadesOfGray.Apply(image, 1);
        Assert.True(p1.allclose(image, atol: 1e-3));
        using var p2 = ShadesOfGray.Apply(image, 2);
        var v = p2.data<float>().ToArray();
        Assert.Equal(0, v[0], 3);
        Assert.Equal(81.6497, v[1], 3);
        Assert.Equal(57.7350, v[2], 3);
        Assert.Equal(57.7350, v[5], 3);
    }
}
