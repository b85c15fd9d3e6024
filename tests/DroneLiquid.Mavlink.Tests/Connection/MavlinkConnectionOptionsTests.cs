using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Tests.Fakes;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class MavlinkConnectionOptionsTests
{
    [Fact]
    public void DefaultsAreACompanionOnComponent191AtOneHertz()
    {
        var options = new MavlinkConnectionOptions();
        options.Validate();
        Assert.Equal(191, options.ComponentId);
        Assert.Equal(TimeSpan.FromSeconds(1), options.HeartbeatInterval);
    }

    [Theory]
    [InlineData("HeartbeatInterval", "HeartbeatInterval must be from 0.1 s to 10 s; got 0 s")]
    [InlineData("LinkLossTimeout", "LinkLossTimeout must be from 0.2 s to 60 s; got 0.05 s")]
    [InlineData("SystemId", "SystemId must be 1 to 255 (0 is the broadcast address); got 0")]
    [InlineData("ReceiveBufferSize", "ReceiveBufferSize must be at least 512 bytes; got 100")]
    public void ABadValueStopsTheConnectionWithItsNameValueAndRange(string property, string message)
    {
        var options = property switch
        {
            "HeartbeatInterval" => new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.Zero },
            "LinkLossTimeout" => new MavlinkConnectionOptions { LinkLossTimeout = TimeSpan.FromMilliseconds(50) },
            "SystemId" => new MavlinkConnectionOptions { SystemId = 0 },
            _ => new MavlinkConnectionOptions { ReceiveBufferSize = 100 },
        };
        var thrown = Assert.Throws<ArgumentException>(() => new MavlinkConnection(new FakeTransport(), options));
        Assert.Equal(property, thrown.ParamName);
        Assert.StartsWith(message, thrown.Message);
    }
}
