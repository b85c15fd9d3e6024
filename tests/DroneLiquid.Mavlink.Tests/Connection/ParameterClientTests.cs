using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Fakes;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class ParameterClientTests
{
    private static readonly ParameterClientOptions Fast = new()
    {
        ReplyTimeout = TimeSpan.FromSeconds(1),
        ListIdleTimeout = TimeSpan.FromSeconds(1),
        Retries = 2,
    };

    [Fact]
    public async Task ReadByNameAndIndexDecodesPx4BytewiseIntegersExactly()
    {
        await using var link = await Loopback.UdpAsync();
        AddPx4Parameters(link.Autopilot);
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, Fast);

        ParameterResult byName = await parameters.ReadAsync(1, 1, "COM_DL_LOSS_T");
        Assert.Equal(ParameterStatus.Ok, byName.Status);
        Assert.Equal(MavParamType.Int32, byName.Parameter!.Value.Type);
        Assert.Equal(10, byName.Parameter.Value.ToInteger());
        Assert.Equal(4, byName.Parameter.Count);

        // 16777217 = 2^24 + 1 has no exact float: only the bit-cast keeps it.
        ParameterResult byIndex = await parameters.ReadAsync(1, 1, 3);
        Assert.Equal("BIG_INT", byIndex.Parameter!.Name);
        Assert.Equal(16_777_217, byIndex.Parameter.Value.ToInteger());
    }

    [Fact]
    public async Task SetIsConfirmedByTheEchoedValue()
    {
        await using var link = await Loopback.UdpAsync();
        AddPx4Parameters(link.Autopilot);
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, Fast);

        ParameterResult set = await parameters.SetAsync(1, 1, "COM_OF_LOSS_T", ParameterValue.FromSingle(0.5f));
        Assert.Equal(ParameterStatus.Ok, set.Status);
        Assert.Equal(0.5, set.Parameter!.Value.ToDouble());
        Assert.Equal(0.5, (await parameters.ReadAsync(1, 1, "COM_OF_LOSS_T")).Parameter!.Value.ToDouble());

        ParameterResult setInt = await parameters.SetAsync(1, 1, "COM_DL_LOSS_T", ParameterValue.FromInteger(-7));
        Assert.Equal(ParameterStatus.Ok, setInt.Status);
        Assert.Equal(-7, setInt.Parameter!.Value.ToInteger());
    }

    [Fact]
    public async Task ASetTheAutopilotRefusesIsRejectedWithTheKeptValue()
    {
        await using var link = await Loopback.UdpAsync();
        AddPx4Parameters(link.Autopilot);
        link.Autopilot.ReadOnly.Add("MPC_XY_VEL_MAX");
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, Fast);

        ParameterResult set = await parameters.SetAsync(1, 1, "MPC_XY_VEL_MAX", ParameterValue.FromSingle(30));
        Assert.Equal(ParameterStatus.Rejected, set.Status);
        Assert.Equal(12.0, set.Parameter!.Value.ToDouble());
    }

    [Fact]
    public async Task ReadAllFillsGapsByIndex()
    {
        await using var link = await Loopback.UdpAsync();
        for (int i = 0; i < 40; i++)
        {
            link.Autopilot.AddParameter($"P{i:D2}", i % 2 == 0 ? ParameterValue.FromSingle(i * 0.5f) : ParameterValue.FromInteger(i));
        }

        link.Autopilot.SkipOnList.UnionWith([3, 17, 39]);
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, Fast);

        ParameterListResult all = await parameters.ReadAllAsync(1, 1);

        Assert.Equal(ParameterStatus.Ok, all.Status);
        Assert.Equal(40, all.ExpectedCount);
        Assert.Equal(Enumerable.Range(0, 40), all.Parameters.Select(p => p.Index));
        Assert.Empty(all.MissingIndices);
        Assert.Equal(3, all.GapRequests);
        Assert.Equal(17, all.Parameters[17].Value.ToInteger());
        Assert.Equal(3, link.Autopilot.ParamRequestReads);
    }

    [Fact]
    public async Task ArduPilotIntegersTravelAsConvertedFloats()
    {
        await using var link = await Loopback.TcpAsync(MavAutopilot.Ardupilotmega);
        link.Autopilot.AddParameter("SYSID_THISMAV", ParameterValue.FromInteger(1, MavParamType.Uint8));
        link.Autopilot.AddParameter("GUID_TIMEOUT", ParameterValue.FromSingle(3));
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, Fast);

        ParameterResult set = await parameters.SetAsync(1, 1, "SYSID_THISMAV", ParameterValue.FromInteger(42, MavParamType.Uint8));
        Assert.Equal(ParameterStatus.Ok, set.Status);
        Assert.Equal(42, set.Parameter!.Value.ToInteger());
        Assert.Equal(42f, set.Parameter.Value.ToWire(ParameterEncoding.CCast));
    }

    [Fact]
    public async Task AnUnknownParameterTimesOut()
    {
        await using var link = await Loopback.UdpAsync();
        AddPx4Parameters(link.Autopilot);
        await link.WaitForAutopilotAsync();
        using var parameters = new ParameterClient(link.Companion, new ParameterClientOptions { ReplyTimeout = TimeSpan.FromMilliseconds(100), Retries = 1 });

        ParameterResult read = await parameters.ReadAsync(1, 1, "NO_SUCH_PARAM");
        Assert.Equal(ParameterStatus.TimedOut, read.Status);
        Assert.Equal(2, read.Attempts);
        Assert.Throws<ArgumentException>(() => { _ = parameters.ReadAsync(1, 1, "A_NAME_LONGER_THAN_16"); });
    }

    private static void AddPx4Parameters(FakeAutopilot autopilot)
    {
        autopilot.AddParameter("COM_OF_LOSS_T", ParameterValue.FromSingle(1.0f));
        autopilot.AddParameter("COM_DL_LOSS_T", ParameterValue.FromInteger(10));
        autopilot.AddParameter("MPC_XY_VEL_MAX", ParameterValue.FromSingle(12));
        autopilot.AddParameter("BIG_INT", ParameterValue.FromInteger(16_777_217));
    }
}
