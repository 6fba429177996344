using System.Runtime.CompilerServices;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// The row of each feature key in a table of weights, by open addressing: a slot holds a key in its low 32 bits and the
/// key's row in its high 32 bits, so a probe is one memory access; 0 is an empty slot (keys are never 0). At most half
/// full. Immutable, so one instance serves every thread. Shared by <see cref="PerceptronModel"/> and
/// <see cref="PairedWeights"/>.
/// </summary>
internal readonly struct KeyRows
{
    private readonly ulong[] slots;
    private readonly int mask;

    /// <summary>The rows of <paramref name="keys"/> (distinct, non-zero): key <c>keys[r]</c> is row <c>r</c>.</summary>
    public KeyRows(IReadOnlyList<uint> keys)
    {
        var size = 16;
        while (size < keys.Count * 2)
        {
            size *= 2;
        }

        slots = new ulong[size];
        mask = size - 1;
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = (int)(keys[row] & mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = keys[row] | ((ulong)row << 32);
        }
    }

    /// <summary>The row of <paramref name="key"/>, or -1 when the table does not hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOf(uint key)
    {
        var slot = (int)(key & mask);
        while (true)
        {
            var found = slots[slot];
            if ((uint)found == key)
            {
                return (int)(found >> 32);
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }
}
