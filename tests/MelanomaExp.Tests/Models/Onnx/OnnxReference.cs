using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models.Onnx;

/// <summary>ONNX Runtime as the reference: the same input through it and through an imported module.</summary>
internal static class OnnxReference
{
    public static float[] RandomInput(long[] dims, int seed, double low = -1, double high = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, (int)dims.Aggregate(1L, (a, b) => a * b)).Select(_ => (float)(low + (high - low) * rng.NextDouble()))];
    }

    public static float[] Run(InferenceSession session, float[] input, long[] dims)
    {
        var name = session.InputMetadata.Keys.Single();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(name, new DenseTensor(input, [.. dims.Select(d => (int)d)]))]);
        return [.. results[0].AsEnumerable<float>()];
    }

    public static float[] Run(nn.Module<Tensor, Tensor> module, float[] input, long[] dims)
    {
        using var noGrad = no_grad();
        using var x = tensor(input, dims);
        using var y = module.forward(x);
        return y.contiguous().data<float>().ToArray();
    }

    public static double MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
