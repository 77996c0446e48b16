namespace MelanomaExp.Training;

/// <summary>
/// Where one epoch's wall time went, in seconds: waiting for the next batch (gather and augmentation),
/// forward and backward, the optimizer step, validation, and the rest (bookkeeping, progress, checkpoint
/// excluded). On a GPU the split is approximate: kernels run asynchronously until a value is read.
/// </summary>
public sealed record EpochBreakdown(string Step, int Epoch, int Images, double Data, double ForwardBackward, double Optimizer, double Validation, double Total)
{
    public double Other => Math.Max(0, Total - Data - ForwardBackward - Optimizer - Validation);
}
