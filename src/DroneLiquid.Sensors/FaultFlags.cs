namespace DroneLiquid.Sensors;

/// <summary>Lock-free raising and clearing of <see cref="SensorFaults"/> bits shared by the sensor channels.</summary>
internal static class FaultFlags
{
    /// <summary>Sets or clears <paramref name="faults"/> in <paramref name="flags"/> so that a flag set from another thread is never lost.</summary>
    public static void Update(ref int flags, SensorFaults faults, bool present)
    {
        int current = Volatile.Read(ref flags);
        while (true)
        {
            int next = present ? current | (int)faults : current & ~(int)faults;
            if (next == current)
            {
                return;
            }

            int seen = Interlocked.CompareExchange(ref flags, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
