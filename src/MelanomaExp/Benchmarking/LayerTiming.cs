namespace MelanomaExp.Benchmarking;

/// <summary>One layer's (or the loss', or the optimizer's) milliseconds per call, forward and backward, at the training batch size.</summary>
/// <param name="BackwardMs">Null where the real step runs no backward for it (the rescaling of the input, the optimizer).</param>
public sealed record LayerTiming(string Layer, Samples ForwardMs, Samples? BackwardMs)
{
    public double TotalMedianMs => ForwardMs.Median + (BackwardMs?.Median ?? 0);
}
