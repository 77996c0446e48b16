using static TorchSharp.torch;

namespace MelanomaExp.Seeding;

/// <summary>
/// Seeds libtorch's default generators: the CPU one and, on a CUDA build that sees a GPU, every CUDA
/// one. TorchSharp's <c>torch.random.manual_seed</c> seeds only the CPU generator; a CUDA generator left
/// alone seeds itself from /dev/urandom on first use, so dropout on a GPU would differ every run.
/// Training reseeds from a named sub-seed at the start of every epoch, so what an epoch draws depends
/// only on the seed, step and epoch: a resumed run matches an uninterrupted one without saving any
/// generator state (TorchSharp 0.107 cannot read or restore a CUDA generator's state).
/// </summary>
internal static class TorchSeeding
{
    /// <summary>Seeds every default generator this build can reach; returns whether the CUDA ones were among them.</summary>
    public static bool Reseed(int seed)
    {
        random.manual_seed(seed);
#if TORCH_CUDA
        if (cuda.is_available())
        {
            cuda.manual_seed_all(seed);
            return true;
        }
#endif
        return false;
    }
}
