namespace MelanomaExp.Native;

internal enum NativeLoadMode
{
    /// <summary>Nothing done: not Linux, or the library was not found beside the app.</summary>
    Default,

    /// <summary>The shipped library loaded as it is.</summary>
    Original,

    /// <summary>A copy with the GLIBCXX_3.4.32 requirement marked weak was loaded.</summary>
    Patched,
}

/// <summary>What <see cref="TorchNativeLoader"/> did, for the run's environment record.</summary>
internal sealed record NativeLoadResult(NativeLoadMode Mode, string? Path, string Reason);
