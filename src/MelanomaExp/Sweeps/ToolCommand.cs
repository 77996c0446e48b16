using System.Reflection;

namespace MelanomaExp.Sweeps;

/// <summary>How to start <c>melanoma-exp</c> again: the same way this process was started, unless told otherwise.</summary>
public static class ToolCommand
{
    /// <summary><paramref name="given"/> split on spaces (e.g. "dotnet /opt/melanoma-exp.dll"); else this process's own command.</summary>
    public static IReadOnlyList<string> Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var entry = Assembly.GetEntryAssembly();
        var process = Environment.ProcessPath;
        if (entry?.GetName().Name == "melanoma-exp" && process is not null)
        {
            // Under `dotnet melanoma-exp` or `dotnet run` the process is dotnet itself, which needs the assembly.
            return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, entry.Location] : [process];
        }
        return ["melanoma-exp"];
    }
}
