using System.Security.Cryptography;

namespace MelanomaExp.Acquisition;

/// <summary>The result of copying one file: bytes written, their SHA-256, and whether the source held more than the limit allowed.</summary>
internal readonly record struct HashedCopy(long Bytes, string Sha256, bool OverLimit)
{
    /// <summary>
    /// Copies at most <paramref name="limit"/> bytes of <paramref name="source"/> into a new file, hashing as it goes.
    /// Reading stops one byte past the limit, so a file that claims to be small cannot fill the disk.
    /// </summary>
    public static HashedCopy Write(Stream source, string target, long limit)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - total))) > 0)
        {
            total += read;
            if (total > limit)
            {
                return new HashedCopy(total, "", OverLimit: true);
            }
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }
        return new HashedCopy(total, Convert.ToHexStringLower(hash.GetHashAndReset()), OverLimit: false);
    }
}
