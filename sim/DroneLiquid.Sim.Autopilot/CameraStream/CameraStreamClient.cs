using System.Net.Sockets;

namespace DroneLiquid.Sim.Autopilot.CameraStream;

/// <summary>
/// Reads the camera stream of <c>droneliquid sim</c> or <c>sim bridge</c>: connect, then read frames (header and RGB
/// bytes into a caller-owned buffer). A malformed header ends the stream with a message naming the field.
/// </summary>
public sealed class CameraStreamClient : IAsyncDisposable
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _header = new byte[CameraFrameHeader.Length];

    public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken = default) =>
        await _socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the next frame; its pixels go into <paramref name="rgb"/> (at least width*height*3 bytes).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a frame, or <paramref name="rgb"/> is too small.</exception>
    /// <exception cref="EndOfStreamException">The server closed the stream.</exception>
    public async Task<CameraFrameHeader> ReadFrameAsync(Memory<byte> rgb, CancellationToken cancellationToken = default)
    {
        await ReadExactlyAsync(_header, cancellationToken).ConfigureAwait(false);
        if (!CameraFrameHeader.TryRead(_header, out CameraFrameHeader header, out string? problem))
        {
            throw new InvalidDataException($"camera stream: {problem}");
        }

        if (rgb.Length < header.PayloadLength)
        {
            throw new InvalidDataException($"camera stream: frame {header.WidthPixels}x{header.HeightPixels} needs {header.PayloadLength} bytes, buffer has {rgb.Length}");
        }

        await ReadExactlyAsync(rgb[..header.PayloadLength], cancellationToken).ConfigureAwait(false);
        return header;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < destination.Length)
        {
            int n = await _socket.ReceiveAsync(destination[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException("camera stream: the server closed the connection");
            }

            read += n;
        }
    }
}
