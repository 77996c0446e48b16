using System.Runtime.CompilerServices;
using MelanomaExp.Native;

namespace MelanomaExp.Tests.Fixtures;

internal static class NativeSetup
{
    /// <summary>Tests touch TorchSharp directly, so the native bridge must be loadable before any test runs.</summary>
    [ModuleInitializer]
#pragma warning disable CA2255 // Deliberate: the test assembly's entry point is the runner, not our code.
    internal static void Initialize() => TorchNativeLoader.EnsureLoaded();
#pragma warning restore CA2255
}
