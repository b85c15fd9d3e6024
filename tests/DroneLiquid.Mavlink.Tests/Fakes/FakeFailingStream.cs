namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>A memory stream that fails writes while <see cref="Failing"/> is set (a full disk) and counts flushes.</summary>
internal sealed class FakeFailingStream : MemoryStream
{
    public bool Failing { get; set; }

    public int StreamFlushes { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Failing)
        {
            throw new IOException("No space left on device");
        }

        base.Write(buffer, offset, count);
    }

    public override void Flush()
    {
        StreamFlushes++;
        base.Flush();
    }
}
