using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>
/// Channels-last (NHWC) memory order for 4-D tensors. When a convolution's input is in this order,
/// libtorch's CPU convolutions (oneDNN) run in it and keep it through ReLU and pooling, so no layout
/// conversions happen between layers; <c>bench</c> measures it against NCHW.
/// TorchSharp 0.107 has no <c>memory_format</c> argument: the order is made by permute, contiguous,
/// permute back, which keeps the logical N x C x H x W shape with channels-last strides.
/// </summary>
internal static class ChannelsLast
{
    public static Tensor Of(Tensor nchw)
    {
        using var nhwc = nchw.permute(0, 2, 3, 1).contiguous();
        return nhwc.permute(0, 3, 1, 2);
    }

    /// <summary>True when the channel stride is 1 (a 4-D tensor in NHWC order).</summary>
    public static bool Is(Tensor t) =>
        t.dim() == 4 && t.stride(1) == 1 && t.stride(3) == t.shape[1] && t.stride(2) == t.shape[1] * t.shape[3];
}
