using static TorchSharp.torch;

namespace MelanomaExp.Preprocessing;

/// <summary>Per-channel mean and standard deviation (population) of a set of images, as they reach the network.</summary>
internal static class ChannelStatistics
{
    /// <param name="batches">The images in batches (N, 3, H, W); each is disposed once counted.</param>
    /// <param name="transform">What is applied before the network (colour constancy), or null.</param>
    public static (float[] Mean, float[] Std) Of(IEnumerable<Tensor> batches, Func<Tensor, Tensor>? transform)
    {
        var sum = new double[3];
        var squares = new double[3];
        long pixels = 0;
        foreach (var batch in batches)
        {
            using var images = batch;
            using var scope = NewDisposeScope();
            var x = (transform is null ? images : transform(images)).to(ScalarType.Float64);
            var s = x.sum([0, 2, 3]).cpu().data<double>().ToArray();
            var q = x.pow(2).sum([0, 2, 3]).cpu().data<double>().ToArray();
            for (var c = 0; c < 3; c++)
            {
                sum[c] += s[c];
                squares[c] += q[c];
            }
            pixels += x.shape[0] * x.shape[2] * x.shape[3];
        }
        var mean = sum.Select(v => v / pixels).ToArray();
        var std = squares.Select((q, c) => Math.Sqrt(Math.Max(q / pixels - (mean[c] * mean[c]), 0))).ToArray();
        return (mean.Select(m => (float)m).ToArray(), std.Select(v => (float)Math.Max(v, 1e-3)).ToArray());
    }
}
