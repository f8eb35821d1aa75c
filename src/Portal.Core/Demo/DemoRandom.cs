namespace Portal.Core.Demo;

/// <summary>
/// A small deterministic random source (SplitMix64). <see cref="System.Random"/> would do, but
/// its seeded sequence is not promised across .NET versions, and one is made per article: this
/// one is a single <c>ulong</c>, the same on every runtime, so a seed gives the same demo site forever.
/// </summary>
internal struct DemoRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values that scatters neighbouring inputs.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public long Between(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
