using System.Runtime.InteropServices;

namespace MelanomaExp.Native;

/// <summary>
/// Sets a variable in the C runtime's environment. <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// only changes .NET's own copy on Unix, which native libraries such as cuBLAS never see.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows() && setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
