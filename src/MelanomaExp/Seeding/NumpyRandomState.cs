namespace MelanomaExp.Seeding;

/// <summary>
/// numpy's legacy <c>np.random.RandomState(seed)</c>, as far as Keras' <c>validation_split</c> uses it:
/// MT19937 seeded with <c>init_genrand</c>, and <c>shuffle</c> (Fisher-Yates from the end, each index
/// drawn by masked rejection sampling). Written here rather than taken from MathNet because the split
/// must match numpy bit for bit, which needs MT19937's raw 32-bit words and numpy's bounded-integer
/// algorithm; MathNet exposes neither.
/// </summary>
internal sealed class NumpyRandomState
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>numpy accepts seeds in [0, 2^32); a non-negative int covers what experiments use.</summary>
    public NumpyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < N; i++)
        {
            _mt[i] = (1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
        }
        _index = N;
    }

    /// <summary>The next raw 32-bit MT19937 output (genrand_int32).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }
        var y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>numpy's <c>random_interval(max)</c>: uniform in [0, max], by rejection under the smallest all-ones mask.</summary>
    public ulong Interval(ulong max)
    {
        if (max == 0)
        {
            return 0;
        }
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = NextUInt64() & mask) > max)
            {
            }
        }
        return value;
    }

    /// <summary><c>RandomState.shuffle</c> of a 1-d sequence, in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = (int)Interval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            var next = _mt[(i + M) % N] ^ (y >> 1);
            _mt[i] = (y & 1) == 0 ? next : next ^ 0x9908b0dfu;
        }
        _index = 0;
    }
}
