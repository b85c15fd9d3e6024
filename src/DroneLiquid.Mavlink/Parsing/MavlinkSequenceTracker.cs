namespace DroneLiquid.Mavlink;

/// <summary>Last sequence number per (system, component): 64 KiB of state, O(1) per frame, no allocation.</summary>
internal sealed class MavlinkSequenceTracker
{
    private readonly byte[] _last = new byte[65536];
    private readonly ulong[] _seen = new ulong[65536 / 64];

    /// <summary>Records a frame and returns how many frames of that sender were skipped since its previous one.</summary>
    public int Observe(byte systemId, byte componentId, byte sequence)
    {
        int key = (systemId << 8) | componentId;
        ref ulong word = ref _seen[key >> 6];
        ulong bit = 1UL << (key & 63);
        int lost = 0;
        if ((word & bit) != 0)
        {
            lost = (byte)(sequence - _last[key] - 1);
        }
        else
        {
            word |= bit;
        }
        _last[key] = sequence;
        return lost;
    }

    public void Clear() => Array.Clear(_seen);
}
