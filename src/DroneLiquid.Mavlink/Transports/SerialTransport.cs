using System.IO.Ports;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// <c>serial:///dev/DEVICE:BAUD</c>: a serial port (UART, USB adapter, telemetry radio), 8N1 without flow
/// control, reopened with backoff when it fails or the device disappears (USB unplugged).
/// </summary>
public sealed class SerialTransport : StreamTransport
{
    private readonly string _devicePath;
    private readonly int _baudRate;

    /// <summary>Creates the transport; the receive loop opens the port.</summary>
    public SerialTransport(string name, string devicePath, int baudRate, TransportOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(name, options, timeProvider, logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        _devicePath = devicePath;
        _baudRate = baudRate;
    }

    /// <inheritdoc />
    protected override ValueTask<OpenedStream> OpenAsync(CancellationToken cancellationToken)
    {
        var port = new SerialPort(_devicePath, _baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 1000,
        };
        try
        {
            port.Open();
            return ValueTask.FromResult(new OpenedStream(port.BaseStream, port));
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }
}
