using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Security.Cryptography;

namespace MelanomaExp.Native;

/// <summary>
/// Loads TorchSharp's native bridge, <c>libLibTorchSharp.so</c>, before TorchSharp does.
/// TorchSharp 0.107 was linked against a libstdc++ that defines <c>GLIBCXX_3.4.32</c>; Debian 12 and
/// Ubuntu 22.04 ship an older one, so the library fails to load there. The only symbol behind that
/// version is <c>std::ios_base_library_init()</c>, which no relocation uses, so a copy of the library
/// with that one requirement marked weak loads and works. The copy is made only when loading the
/// original fails for exactly that reason; on a system with a newer libstdc++ nothing is changed.
/// Every way the tool runs (CLI, installed tool, tests) calls <see cref="EnsureLoaded"/> first.
/// </summary>
internal static partial class TorchNativeLoader
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    private const string LibraryName = "LibTorchSharp";
    private const string FileName = "libLibTorchSharp.so";
    private static readonly Lazy<NativeLoadResult> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How the native library was loaded in this process (computed once).</summary>
    public static NativeLoadResult EnsureLoaded() => Loaded.Value;

    private static NativeLoadResult Load()
    {
        MallocTuning.Apply();
        if (!OperatingSystem.IsLinux())
        {
            return new NativeLoadResult(NativeLoadMode.Default, null, "not Linux: TorchSharp loads its own libraries");
        }
        StaleCudaGuard.Check(SearchDirs());
        var original = FindOriginal();
        if (original is null)
        {
            return new NativeLoadResult(NativeLoadMode.Default, null, $"{FileName} not found beside the application; TorchSharp's own search is used");
        }
        if (Dl.TryOpen(original, out var handle, out var error))
        {
            Register(handle);
            return new NativeLoadResult(NativeLoadMode.Original, original, "the system libstdc++ satisfies TorchSharp");
        }
        if (!error.Contains(MissingVersion, StringComparison.Ordinal))
        {
            throw new DllNotFoundException($"Cannot load {original}: {error}");
        }
        var patched = WritePatchedCopy(original);
        PreloadDependencies(original);
        if (!Dl.TryOpen(patched, out handle, out error))
        {
            throw new DllNotFoundException($"Cannot load the patched copy {patched}: {error}");
        }
        Register(handle);
        return new NativeLoadResult(NativeLoadMode.Patched, patched, $"system libstdc++ lacks {MissingVersion}; loaded a copy with that requirement marked weak");
    }

    private static string[] SearchDirs() =>
        [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) ?? AppContext.BaseDirectory];

    private static string? FindOriginal()
    {
        return SearchDirs()
            .SelectMany(d => new[] { Path.Combine(d, FileName), Path.Combine(d, "runtimes", "linux-x64", "native", FileName) })
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The patched copy lives in a per-user cache keyed by the original's hash, so read-only installs work.</summary>
    internal static string WritePatchedCopy(string original, string? cacheRoot = null)
    {
        var bytes = File.ReadAllBytes(original);
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var dir = Path.Combine(cacheRoot ?? UserCache.Root(), "native", key);
        var target = Path.Combine(dir, FileName);
        if (ElfVersionPatcher.MarkWeak(bytes, MissingVersion) == 0)
        {
            throw new DllNotFoundException($"{original} does not require {MissingVersion}; refusing to patch it");
        }
        // A copy cut short (full disk, killed writer) was mapped and crashed with SIGBUS on every later run:
        // the cached copy is used only when it is byte for byte the patched library, else written again.
        if (File.Exists(target) && new FileInfo(target).Length == bytes.Length
            && SHA256.HashData(File.ReadAllBytes(target)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
        {
            return target;
        }
        try
        {
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $"{FileName}.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{dir}: the cache folder cannot be written ({e.Message}); set MELANOMA_EXP_CACHE to a writable folder");
        }
        return target;
    }

    /// <summary>
    /// The copy sits outside libtorch's folder, so its <c>$ORIGIN</c> run path no longer finds libtorch.
    /// Loading those libraries first by full path lets the dynamic loader match them by soname.
    /// </summary>
    private static void PreloadDependencies(string original)
    {
        var dir = Path.GetDirectoryName(original)!;
        // Dependency order: each one's own needs are already loaded when it is opened.
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path) && !Dl.TryOpen(path, out _, out var error))
            {
                throw new DllNotFoundException($"Cannot load {path}: {error}");
            }
        }
    }

    private static void Register(IntPtr handle)
    {
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) => IsBridge(name) ? handle : IntPtr.Zero;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(TorchSharp.torch).Assembly, (name, _, _) => IsBridge(name) ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // TorchSharp registered its own resolver; the load-context event above still covers a failed search.
        }
    }

    private static bool IsBridge(string name) =>
        name is LibraryName or FileName or "libLibTorchSharp";

    private static partial class Dl
    {
        private const int RtldNow = 2;
        private const int RtldGlobal = 0x100;

        public static bool TryOpen(string path, out IntPtr handle, out string error)
        {
            // The first call of each import binds it through dlopen itself, which would clear a pending
            // error; calling dlerror up front binds it and empties the error state.
            _ = dlerror();
            handle = dlopen(path, RtldNow | RtldGlobal);
            error = handle == IntPtr.Zero ? Marshal.PtrToStringUTF8(dlerror()) ?? "unknown dlopen error" : "";
            return handle != IntPtr.Zero;
        }

        [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
        private static partial IntPtr dlopen(string file, int mode);

        [LibraryImport("libc", EntryPoint = "dlerror")]
        private static partial IntPtr dlerror();
    }
}
