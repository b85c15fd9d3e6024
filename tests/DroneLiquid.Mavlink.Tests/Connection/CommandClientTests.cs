using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.Transports;

namespace DroneLiquid.Mavlink.Tests.Connection;

public class CommandClientTests
{
    private static readonly CommandClientOptions Fast = new() { AckTimeout = TimeSpan.FromSeconds(1), Retries = 3, InProgressTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task ALostAckIsRecoveredByResendingWithConfirmationCountingUp()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        link.Autopilot.IgnoreFirst[(ushort)MavCmd.ComponentArmDisarm] = 1;
        using var commands = new CommandClient(link.Companion, Fast);

        CommandResult result = await commands.SendLongAsync(1, 1, MavCmd.ComponentArmDisarm, param1: 1);

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Equal(MavResult.Accepted, result.Result);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, link.Autopilot.Requests(MavCmd.ComponentArmDisarm));
        Assert.Equal([0, 1], link.Autopilot.CommandsLong.Select(c => (int)c.Confirmation));
        Assert.All(link.Autopilot.CommandsLong, c => Assert.Equal(1f, c.Param1));
    }

    [Fact]
    public async Task ARefusalIsAResultNotAnException()
    {
        await using var link = await Loopback.TcpAsync();
        await link.WaitForAutopilotAsync();
        link.Autopilot.Results[(ushort)MavCmd.NavTakeoff] = MavResult.Failed;
        using var commands = new CommandClient(link.Companion, Fast);

        CommandResult result = await commands.SendLongAsync(1, 1, MavCmd.NavTakeoff, param7: 10);

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(MavResult.Failed, result.Result);
        Assert.Equal(1, result.Attempts);
        Assert.False(result.IsAccepted);
    }

    [Fact]
    public async Task InProgressExtendsTheWaitWithoutResending()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        link.Autopilot.ReportProgress[(ushort)MavCmd.NavLand] = true;
        using var commands = new CommandClient(link.Companion, Fast);

        CommandResult result = await commands.SendLongAsync(1, 1, MavCmd.NavLand);

        Assert.Equal(CommandStatus.Accepted, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, link.Autopilot.Requests(MavCmd.NavLand));
    }

    [Fact]
    public async Task DuplicateAcksAreToleratedAndIgnored()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        link.Autopilot.DuplicateAck[(ushort)MavCmd.DoSetMode] = true;
        using var commands = new CommandClient(link.Companion, Fast);

        CommandResult first = await commands.SendLongAsync(1, 1, MavCmd.DoSetMode, 1, 6);
        Assert.Equal(CommandStatus.Accepted, first.Status);
        await TransportTesting.WaitUntilAsync(() => commands.IgnoredAcks == 1, "the duplicate ACK");

        CommandResult arm = await commands.SendLongAsync(1, 1, MavCmd.ComponentArmDisarm, 1);
        Assert.Equal(CommandStatus.Accepted, arm.Status);
        Assert.Equal(1, arm.Attempts);
    }

    [Fact]
    public async Task CommandIntAndMessageIntervalAreAcknowledged()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        using var commands = new CommandClient(link.Companion, Fast);

        CommandResult reposition = await commands.SendIntAsync(1, 1, MavCmd.NavTakeoff, MavFrame.GlobalRelativeAltInt, x: 473977418, y: 85455939, z: 10);
        Assert.Equal(CommandStatus.Accepted, reposition.Status);

        CommandResult interval = await commands.SetMessageIntervalAsync(1, 1, LocalPositionNedMessage.MavlinkId, TimeSpan.FromMilliseconds(20));
        Assert.Equal(CommandStatus.Accepted, interval.Status);
        CommandLongMessage sent = link.Autopilot.CommandsLong.Single(c => c.Command == (ushort)MavCmd.SetMessageInterval);
        Assert.Equal(32f, sent.Param1);
        Assert.Equal(20000f, sent.Param2);

        Assert.True(await commands.RequestDataStreamAsync(1, 1, MavDataStream.All, 10));
    }

    [Fact]
    public async Task NoAnswerTimesOutAfterEveryRetry()
    {
        await using var link = await Loopback.UdpAsync();
        await link.WaitForAutopilotAsync();
        link.Autopilot.IgnoreFirst[(ushort)MavCmd.NavTakeoff] = 100;
        using var commands = new CommandClient(link.Companion, new CommandClientOptions { AckTimeout = TimeSpan.FromMilliseconds(100), Retries = 2 });

        CommandResult result = await commands.SendLongAsync(1, 1, MavCmd.NavTakeoff);

        Assert.Equal(CommandStatus.TimedOut, result.Status);
        Assert.Equal(3, result.Attempts);
        await TransportTesting.WaitUntilAsync(() => link.Autopilot.Requests(MavCmd.NavTakeoff) == 3, "three requests");
    }
}
