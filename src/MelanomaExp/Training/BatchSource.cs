using MelanomaExp.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// The decoded images as one uint8 tensor (N x H x W x 3) on the training device, from which batches
/// are gathered by index. A gathered batch is permuted to N x 3 x H x W without copying, which leaves it
/// in channels-last memory order.
/// </summary>
internal sealed class BatchSource : IBatchSource, IDisposable
{
    private readonly Tensor _images;
    private readonly Tensor _labels;

    public BatchSource(ImageStore store, Device device)
    {
        // On the CPU the tensor shares the store's array (pinned) instead of holding a second copy of every image.
        using var shared = from_array(store.Pixels);
        using var view = shared.reshape(store.Count, store.Height, store.Width, 3);
        _images = device.type == DeviceType.CPU ? view.alias() : view.to(device);
        _labels = tensor(store.Labels.Select(l => (long)l).ToArray(), dtype: ScalarType.Int64).to(device);
        Device = device;
    }

    public Device Device { get; }

    /// <summary>Float images (0..255) and int64 labels for the given store indices.</summary>
    public (Tensor Images, Tensor Labels) Gather(ReadOnlySpan<int> indices)
    {
        var ids = new long[indices.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = indices[i];
        }
        using var index = tensor(ids, dtype: ScalarType.Int64).to(Device);
        using var bytes = _images.index_select(0, index);
        var images = bytes.to(ScalarType.Float32).permute(0, 3, 1, 2);
        return (images, _labels.index_select(0, index));
    }

    /// <summary>The images of <paramref name="indices"/> in order, <paramref name="batchSize"/> at a time (the caller disposes each).</summary>
    public IEnumerable<Tensor> ImageBatches(int[] indices, int batchSize)
    {
        for (var start = 0; start < indices.Length; start += batchSize)
        {
            var (images, labels) = Gather(indices.AsSpan(start, Math.Min(batchSize, indices.Length - start)));
            labels.Dispose();
            yield return images;
        }
    }

    public void Dispose()
    {
        _images.Dispose();
        _labels.Dispose();
    }
}
