using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// Prepares training batch b+1 (gather and augmentation) on a worker thread while batch b trains, so a
/// step never waits for its data. A batch's content depends on its index alone (its augmentation draws
/// from the (step, epoch, batch) generator, never from torch's global one), so overlapping changes
/// nothing in the result. Batches are handed over outside any dispose scope: the caller disposes them.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly Func<int, (Tensor Images, Tensor Labels)> _make;
    private readonly int _count;
    private readonly bool _overlap;
    private Task<(Tensor Images, Tensor Labels)>? _pending;
    private int _pendingIndex = -1;

    /// <param name="make">Builds batch b; may run on a worker thread.</param>
    /// <param name="overlap">False prepares each batch on the calling thread when it is taken (for measuring what overlap buys).</param>
    public BatchPrefetcher(int count, Func<int, (Tensor Images, Tensor Labels)> make, bool overlap)
    {
        _count = count;
        _make = make;
        _overlap = overlap;
    }

    /// <summary>Batch <paramref name="b"/>; batches must be taken in order 0, 1, 2, ...</summary>
    public (Tensor Images, Tensor Labels) Take(int b)
    {
        var batch = _pending is { } pending && _pendingIndex == b ? pending.GetAwaiter().GetResult() : Make(b);
        _pending = null;
        if (_overlap && b + 1 < _count)
        {
            _pendingIndex = b + 1;
            _pending = Task.Run(() => Make(b + 1));
        }
        return batch;
    }

    private (Tensor Images, Tensor Labels) Make(int b)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = _make(b);
        scope.Detach(images, labels);
        return (images, labels);
    }

    /// <summary>Waits for a batch still being prepared (after a cancellation, say) and frees it.</summary>
    public void Dispose()
    {
        if (_pending is null)
        {
            return;
        }
        try
        {
            var (images, labels) = _pending.GetAwaiter().GetResult();
            images.Dispose();
            labels.Dispose();
        }
#pragma warning disable CA1031 // The batch is being thrown away; its failure has no one to report to.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        _pending = null;
    }
}
