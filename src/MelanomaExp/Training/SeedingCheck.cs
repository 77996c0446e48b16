using System.Security.Cryptography;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Seeding;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// Two tiny training steps of a seed-cnn with dropout on a device, run twice from one seed and once
/// from another: the same seed must give the same weights bit for bit, and the other seed different
/// ones (else the check proves nothing: a generator nobody draws from always "repeats"). Inputs are
/// drawn on the device and dropout runs there, so on a GPU this exercises the CUDA generator that
/// <see cref="TorchSeeding"/> reseeds.
/// </summary>
internal static class SeedingCheck
{
    private const int Classes = 3;
    private const int Size = 16;

    public static SeedingCheckResult Run(Device device, int seed)
    {
        var first = Once(device, seed);
        var second = Once(device, seed);
        var other = Once(device, seed ^ 0x5EED);
        return new SeedingCheckResult(first == second, first != other, first, second);
    }

    private static string Once(Device device, int seed)
    {
        TorchSeeding.Reseed(seed);
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0.5), Classes, Size, Size, device);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        model.train();
        for (var step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            var images = rand(4, 3, Size, Size, device: device).mul(255f);
            var labels = randint(0, Classes, [4], device: device);
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(images), labels).backward();
            optimizer.step();
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (_, parameter) in model.named_parameters())
        {
            using var onCpu = parameter.detach().cpu();
            hash.AppendData(onCpu.bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Same seed, same weights (<paramref name="Repeats"/>); another seed, other weights (<paramref name="SeedMatters"/>).</summary>
public sealed record SeedingCheckResult(bool Repeats, bool SeedMatters, string FirstSha256, string SecondSha256)
{
    public bool Passed => Repeats && SeedMatters;
}
