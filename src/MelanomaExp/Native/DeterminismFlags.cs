using System.Runtime.InteropServices;

namespace MelanomaExp.Native;

/// <summary>
/// libtorch's global determinism switches, which TorchSharp 0.107 does not expose (its
/// <c>backends.cudnn</c> has only <c>allow_tf32</c>, and <c>use_deterministic_algorithms</c> throws).
/// They live on <c>at::Context</c>, exported by <c>libtorch_cpu.so</c> in both the CPU and the CUDA
/// packages, so they are reached directly:
/// <list type="bullet">
/// <item><c>at::globalContext()</c>: <c>_ZN2at13globalContextEv</c>, returns the process-wide <c>Context&amp;</c>;</item>
/// <item><c>Context::setDeterministicCuDNN(bool)</c> / <c>deterministicCuDNN() const</c>;</item>
/// <item><c>Context::setBenchmarkCuDNN(bool)</c> / <c>benchmarkCuDNN() const</c> (benchmark mode picks algorithms by timing);</item>
/// <item><c>Context::setDeterministicAlgorithms(bool, bool warn_only)</c> / <c>deterministicAlgorithms() const</c>
/// / <c>deterministicAlgorithmsWarnOnly() const</c>.</item>
/// </list>
/// The names are the Itanium C++ ABI manglings read with <c>nm -D --defined-only libtorch_cpu.so | c++filt</c>
/// from libtorch 2.10.0. Members take <c>this</c> as their first argument and C++ <c>bool</c> as one byte,
/// the x86-64 and AArch64 System V convention. The library is the one already in the process, found by
/// soname with <c>RTLD_NOLOAD</c> (<see cref="LoadedLibrary"/>), so no second libtorch can be opened here. Linux only.
/// </summary>
public static unsafe class DeterminismFlags
{
    private const string Library = "libtorch_cpu.so";

    private static readonly Lazy<Api> Functions = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What libtorch reports now, read back from <c>at::globalContext()</c>.</summary>
    public static DeterminismState Read()
    {
        var api = Functions.Value;
        var context = api.GlobalContext();
        return new DeterminismState(
            api.DeterministicCuDnn(context) != 0,
            api.BenchmarkCuDnn(context) != 0,
            api.DeterministicAlgorithms(context) != 0,
            api.DeterministicAlgorithmsWarnOnly(context) != 0);
    }

    /// <summary>
    /// Deterministic cuDNN algorithms, no cuDNN benchmarking, and deterministic algorithms in warn-only mode
    /// (an operation without a deterministic implementation warns instead of failing the run); off restores
    /// libtorch's defaults. Returns the state read back afterwards.
    /// </summary>
    public static DeterminismState Set(bool deterministic)
    {
        var api = Functions.Value;
        var context = api.GlobalContext();
        var on = (byte)(deterministic ? 1 : 0);
        api.SetDeterministicCuDnn(context, on);
        api.SetBenchmarkCuDnn(context, 0);
        api.SetDeterministicAlgorithms(context, on, on);
        return Read();
    }

    private static Api Bind()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the libtorch determinism switches are bound on Linux only");
        }
        TorchNativeLoader.EnsureLoaded();
        // Loads libtorch (and so libtorch_cpu.so) if nothing has touched TorchSharp yet.
        TorchSharp.torch.TryInitializeDeviceType(TorchSharp.DeviceType.CPU);
        var handle = LoadedLibrary.Find(Library)
            ?? throw new DllNotFoundException($"{Library} is not loaded in this process, so libtorch's determinism switches cannot be reached");
        return new Api(
            (delegate* unmanaged<IntPtr>)Symbol(handle, "_ZN2at13globalContextEv"),
            (delegate* unmanaged<IntPtr, byte, void>)Symbol(handle, "_ZN2at7Context21setDeterministicCuDNNEb"),
            (delegate* unmanaged<IntPtr, byte>)Symbol(handle, "_ZNK2at7Context18deterministicCuDNNEv"),
            (delegate* unmanaged<IntPtr, byte, void>)Symbol(handle, "_ZN2at7Context17setBenchmarkCuDNNEb"),
            (delegate* unmanaged<IntPtr, byte>)Symbol(handle, "_ZNK2at7Context14benchmarkCuDNNEv"),
            (delegate* unmanaged<IntPtr, byte, byte, void>)Symbol(handle, "_ZN2at7Context26setDeterministicAlgorithmsEbb"),
            (delegate* unmanaged<IntPtr, byte>)Symbol(handle, "_ZNK2at7Context23deterministicAlgorithmsEv"),
            (delegate* unmanaged<IntPtr, byte>)Symbol(handle, "_ZNK2at7Context31deterministicAlgorithmsWarnOnlyEv"));
    }

    /// <summary>The bound entry points (a class, not a record: function pointers cannot be compared generically).</summary>
    private sealed class Api(
        delegate* unmanaged<IntPtr> globalContext,
        delegate* unmanaged<IntPtr, byte, void> setDeterministicCuDnn,
        delegate* unmanaged<IntPtr, byte> deterministicCuDnn,
        delegate* unmanaged<IntPtr, byte, void> setBenchmarkCuDnn,
        delegate* unmanaged<IntPtr, byte> benchmarkCuDnn,
        delegate* unmanaged<IntPtr, byte, byte, void> setDeterministicAlgorithms,
        delegate* unmanaged<IntPtr, byte> deterministicAlgorithms,
        delegate* unmanaged<IntPtr, byte> deterministicAlgorithmsWarnOnly)
    {
        public IntPtr GlobalContext() => globalContext();

        public void SetDeterministicCuDnn(IntPtr context, byte on) => setDeterministicCuDnn(context, on);

        public byte DeterministicCuDnn(IntPtr context) => deterministicCuDnn(context);

        public void SetBenchmarkCuDnn(IntPtr context, byte on) => setBenchmarkCuDnn(context, on);

        public byte BenchmarkCuDnn(IntPtr context) => benchmarkCuDnn(context);

        public void SetDeterministicAlgorithms(IntPtr context, byte on, byte warnOnly) => setDeterministicAlgorithms(context, on, warnOnly);

        public byte DeterministicAlgorithms(IntPtr context) => deterministicAlgorithms(context);

        public byte DeterministicAlgorithmsWarnOnly(IntPtr context) => deterministicAlgorithmsWarnOnly(context);
    }

    private static IntPtr Symbol(IntPtr handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new EntryPointNotFoundException($"{Library} does not export {name}; these switches were written against libtorch 2.10");
}
