using System.Runtime.InteropServices;

namespace MelanomaExp.Native;

/// <summary>
/// A native library already in the process, found by its soname with <c>dlopen(RTLD_NOLOAD)</c>: the very
/// copy libtorch uses, never a second one from somewhere else on the search path.
/// </summary>
internal static partial class LoadedLibrary
{
    private const int RtldNow = 2;
    private const int RtldNoLoad = 4;

    /// <summary>The library's handle, or null when it is not loaded (or this is not Linux).</summary>
    public static IntPtr? Find(string soname)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var handle = dlopen(soname, RtldNow | RtldNoLoad);
        return handle == IntPtr.Zero ? null : handle;
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string file, int mode);
}
