using DroneLiquid.FirmwareBridge.Px4;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Autopilot.Px4;

namespace DroneLiquid.FirmwareBridge.Tests.Px4;

public sealed class Px4EventCatalogTests
{
    [Fact]
    public void KnowsEveryEventTheEmulatorSends()
    {
        foreach (Px4Event e in Px4EventIds.All)
        {
            Assert.True(Px4EventCatalog.IsKnown(e.Id), $"event 0x{e.Id:X8} ({e.Text})");
            Assert.StartsWith(Px4EventCatalog.Text(e.Id), e.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownIdReadsAsItsNumber() => Assert.Equal("event 0x12ABCDEF", Px4EventCatalog.Text(0x12ABCDEF));

    [Theory]
    [InlineData(0x62, MavSeverity.Critical)]
    [InlineData(0x66, MavSeverity.Info)]
    [InlineData(0x42, MavSeverity.Critical)]
    [InlineData(0x64, MavSeverity.Warning)]
    [InlineData(0x0F, MavSeverity.Debug)]
    public void SeverityIsTheExternalLogLevelInTheLowNibble(byte logLevels, MavSeverity expected) =>
        Assert.Equal(expected, Px4EventCatalog.Severity(logLevels));
}
