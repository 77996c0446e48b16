using System.Runtime.CompilerServices;
using MelanomaExp.Config;

namespace MelanomaExp.Models;

/// <summary>The built-in architectures, and how model code finds the one a step names.</summary>
internal static class Architectures
{
    /// <summary>The registration: one line per architecture.</summary>
    public static readonly IReadOnlyList<IArchitecture> BuiltIn = [new SeedCnnArchitecture(), new ResNetSmallArchitecture(), new OnnxArchitecture(), new ResNet18ImageNetArchitecture(), TorchVision.TorchVisionArchitecture.ResNet18, TorchVision.TorchVisionArchitecture.MobileNetV2];

    /// <summary>Registers the built-in architectures with the schema layer when the library loads, before any file is read.</summary>
#pragma warning disable CA2255 // One library, one registration: the schema layer cannot name the model code that extends it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        foreach (var architecture in BuiltIn)
        {
            ArchitectureCatalog.Add(architecture);
        }
    }

    /// <summary>The architecture <paramref name="name"/> names; the error lists the registered ones.</summary>
    public static IArchitecture Of(string name) =>
        ArchitectureCatalog.Find(name) as IArchitecture
        ?? throw new BadInputException($"unknown architecture '{name}' (available: {string.Join(", ", ArchitectureCatalog.Names)})");

    public static IArchitecture Of(ModelSpec spec) => Of(spec.Arch);
}
