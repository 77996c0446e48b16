using System.Security.Cryptography;

namespace MelanomaExp;

/// <summary>
/// The lower-case hex sha256 of a file, read as a stream: the one way weights, checkpoints and report files are
/// fingerprinted, so a hash written by one part of the tool is always comparable with one computed by another.
/// </summary>
internal static class FileSha256
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
