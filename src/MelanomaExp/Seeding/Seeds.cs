using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MelanomaExp.Seeding;

/// <summary>
/// Named sub-seeds derived from the experiment seed. Each consumer of randomness asks for its own
/// name (<c>For("split")</c>, <c>For("shuffle", step, epoch)</c>), so adding a step or a random
/// operation never shifts the numbers another one sees.
/// </summary>
public sealed class Seeds
{
    public Seeds(int root) => Root = root;

    public int Root { get; }

    public int For(params object[] parts)
    {
        var text = $"{Root}/{string.Join('/', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)))}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }

    /// <summary>A generator for one named purpose. <see cref="Random(int)"/> with a seed uses a fixed algorithm across .NET versions.</summary>
    public Random Rng(params object[] parts) => new(For(parts));
}
