using System.Buffers.Binary;
using System.Text;

namespace MelanomaExp.Native;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 little-endian shared library as weak
/// (<c>vna_flags |= VER_FLG_WEAK</c> in <c>.gnu.version_r</c>). With a weak requirement the
/// dynamic loader only warns, instead of refusing to load, when the providing library lacks
/// that version. It is safe only when no relocation needs a symbol of that version, which is
/// why callers name the single version they have checked.
/// </summary>
internal static class ElfVersionPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Version requirements found in the file, with the library each is needed from.</summary>
    public static IReadOnlyList<VersionNeed> ReadVersionNeeds(ReadOnlySpan<byte> elf)
    {
        var needs = new List<VersionNeed>();
        foreach (var (file, name, flagsOffset) in Walk(elf))
        {
            needs.Add(new VersionNeed(file, name, (BinaryPrimitives.ReadUInt16LittleEndian(elf[flagsOffset..]) & VerFlgWeak) != 0));
        }
        return needs;
    }

    /// <summary>Sets the weak flag on every requirement named <paramref name="version"/>; returns how many changed.</summary>
    public static int MarkWeak(Span<byte> elf, string version)
    {
        var changed = 0;
        foreach (var (_, name, offset) in Walk(elf))
        {
            if (name != version)
            {
                continue;
            }
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(elf[offset..]);
            if ((flags & VerFlgWeak) == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(elf[offset..], (ushort)(flags | VerFlgWeak));
                changed++;
            }
        }
        return changed;
    }

    private static List<(string File, string Name, int FlagsOffset)> Walk(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
        }
        var entries = new List<(string, string, int)>();
        var shoff = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]));
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        for (var i = 0; i < shnum; i++)
        {
            var sh = elf.Slice(shoff + (i * shentsize), shentsize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != ShtGnuVerneed)
            {
                continue;
            }
            var offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]));
            var link = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            var count = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]);
            var strSh = elf.Slice(shoff + ((int)link * shentsize), shentsize);
            var strOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(strSh[0x18..]));
            WalkVerneed(elf, offset, count, strOffset, entries);
        }
        return entries;
    }

    private static void WalkVerneed(ReadOnlySpan<byte> elf, int offset, uint count, int strOffset, List<(string, string, int)> entries)
    {
        var need = offset;
        for (var n = 0; n < count; n++)
        {
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[(need + 2)..]);
            var file = ReadString(elf, strOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 4)..]));
            var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 8)..]);
            for (var a = 0; a < auxCount; a++)
            {
                var name = ReadString(elf, strOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 8)..]));
                entries.Add((file, name, aux + 4));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 12)..]);
            }
            var next = BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 12)..]);
            if (next == 0)
            {
                break;
            }
            need += (int)next;
        }
    }

    private static string ReadString(ReadOnlySpan<byte> elf, int offset)
    {
        var end = elf[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(elf.Slice(offset, end));
    }
}

/// <summary>One entry of an ELF file's <c>.gnu.version_r</c>: <paramref name="Version"/> needed from <paramref name="File"/>.</summary>
internal sealed record VersionNeed(string File, string Version, bool Weak);
