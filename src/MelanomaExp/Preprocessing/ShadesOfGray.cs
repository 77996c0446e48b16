using static TorchSharp.torch;

namespace MelanomaExp.Preprocessing;

/// <summary>
/// Shades of Gray colour constancy (Finlayson and Trezzi, 2004): each image's illuminant is estimated
/// per channel as the Minkowski p-norm mean of its pixels, e_c = (mean(I_c^p))^(1/p); the channels are
/// then scaled so that illuminant becomes neutral grey, I_c * 1 / (sqrt(3) * e_c / |e|), which keeps
/// the illuminant's length. p = 1 is Grey World, large p approaches max-RGB; p = 6 is the usual choice
/// for dermoscopy (Barata et al., 2015). It removes the colour cast a camera or light source gives a
/// whole collection, one of the cues by which a network can recognise the collection.
/// </summary>
internal static class ShadesOfGray
{
    /// <summary>Images N x 3 x H x W, values 0..255; returns a new tensor, clamped to 0..255.</summary>
    public static Tensor Apply(Tensor images, double p)
    {
        using var scope = NewDisposeScope();
        var illuminant = images.clamp_min(0).pow(p).mean([2, 3], keepdim: true).pow(1 / p);
        var length = illuminant.pow(2).sum(1, keepdim: true).sqrt().clamp_min(1e-6);
        var gain = length.div(illuminant.clamp_min(1e-6).mul(Math.Sqrt(3)));
        return images.mul(gain).clamp(0, 255).MoveToOuterDisposeScope();
    }
}
