using System.Globalization;

namespace MelanomaExp.Inference;

/// <summary>How fast a predict or evaluate pass went, decoding included, and how it was batched and threaded.</summary>
public sealed record InferenceRate(int Images, double Seconds, int Batch, int Chunk, int TorchThreads, int DecodeThreads)
{
    public double ImagesPerSecond => Seconds > 0 ? Images / Seconds : 0;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Images} images in {Seconds:0.0} s = {ImagesPerSecond:0.0} img/s (decoded {Chunk} at a time on {DecodeThreads} threads while the previous ones are classified; batches of {Batch} on {TorchThreads} torch threads)");
}
