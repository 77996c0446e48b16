using MelanomaExp.Benchmarking;

namespace MelanomaExp.Tests.Benchmarking;

public class EpochBenchTests
{
    [Theory]
    [InlineData(0.125, 1571, 32, 1024.0 / 1571)] // the study's training split: an eighth is 7 batches, raised to 32
    [InlineData(0.125, 20000, 32, 0.125)] // an eighth is already more than 32 batches
    [InlineData(0.125, 500, 32, 1.0)] // fewer than 32 batches in all: every image
    [InlineData(1.0, 1571, 32, 1.0)]
    [InlineData(0.5, 0, 32, 0.5)]
    public void The_share_of_images_timed_is_the_fraction_raised_to_32_batches(double fraction, int images, int batch, double expected) =>
        Assert.Equal(expected, EpochBench.Share(fraction, images, batch), 12);
}
