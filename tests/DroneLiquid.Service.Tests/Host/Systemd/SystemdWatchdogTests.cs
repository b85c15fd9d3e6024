using DroneLiquid.Service.Host;
using DroneLiquid.Service.Host.Systemd;
using DroneLiquid.Service.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Service.Tests.Host.Systemd;

public sealed class SystemdWatchdogTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeNotifySocket _socket = new();
    private readonly FakeTimeProvider _time = new();
    private readonly FlightHealth _health;
    private readonly SystemdWatchdog _watchdog;
    private bool _tickHealthy = true;

    public SystemdWatchdogTests()
    {
        _health = new FlightHealth(_time, hostLoopTimeout: Interval);
        _watchdog = new SystemdWatchdog(_socket.Notifier, new WatchdogSettings(Interval), _health, _time, NullLogger<SystemdWatchdog>.Instance);
    }

    public void Dispose()
    {
        _watchdog.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _watchdog.Dispose();
        _socket.Dispose();
    }

    [Fact]
    public async Task Pings_every_half_interval_while_the_tick_is_healthy_and_none_while_it_stalls()
    {
        _health.AttachSession(() => _tickHealthy);
        await _watchdog.StartAsync(CancellationToken.None);
        Assert.True(_watchdog.Enabled);

        Period(expectPings: 1, expectWithheld: 0);
        Period(expectPings: 2, expectWithheld: 0);
        Assert.Equal(["WATCHDOG=1", "WATCHDOG=1"], _socket.Drain());

        _tickHealthy = false; // the control tick stalls
        Period(expectPings: 2, expectWithheld: 1);
        Period(expectPings: 2, expectWithheld: 2);
        Period(expectPings: 2, expectWithheld: 3);
        Assert.Empty(_socket.Drain());

        _tickHealthy = true;
        Period(expectPings: 3, expectWithheld: 3);
        Assert.Equal(["WATCHDOG=1"], _socket.Drain());
    }

    [Fact]
    public async Task Before_flight_it_pings_only_while_the_host_loop_beats()
    {
        await _watchdog.StartAsync(CancellationToken.None);
        _health.HostLoopAlive();
        Period(expectPings: 1, expectWithheld: 0);
        _health.HostLoopAlive();
        Period(expectPings: 2, expectWithheld: 0);

        // The loop stops beating: one more period is within the timeout, the next ones are not.
        Period(expectPings: 3, expectWithheld: 0);
        Period(expectPings: 3, expectWithheld: 1);
        Period(expectPings: 3, expectWithheld: 2);
        Assert.Equal(3, _socket.Drain().Count);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("0", null, null)]
    [InlineData("abc", null, null)]
    [InlineData("3000000", null, 3.0)]
    [InlineData("3000000", "4242", 3.0)]
    [InlineData("3000000", "1", null)]
    public void Settings_come_from_WATCHDOG_USEC_for_this_process_only(string? usec, string? pid, double? expectedSeconds)
    {
        var settings = WatchdogSettings.FromEnvironment(name => name switch { "WATCHDOG_USEC" => usec, "WATCHDOG_PID" => pid, _ => null }, processId: 4242);
        Assert.Equal(expectedSeconds, settings?.Interval.TotalSeconds);
        if (settings is not null)
        {
            Assert.Equal(TimeSpan.FromSeconds(1.5), settings.PingPeriod);
        }
    }

    [Fact]
    public async Task Without_WATCHDOG_USEC_it_does_nothing()
    {
        using var watchdog = new SystemdWatchdog(_socket.Notifier, settings: null, _health, _time, NullLogger<SystemdWatchdog>.Instance);
        await watchdog.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await watchdog.StopAsync(CancellationToken.None);
        Assert.False(watchdog.Enabled);
        Assert.Empty(_socket.Drain());
    }

    /// <summary>Advances one ping period and waits (real time, bounded) until the watchdog has handled it.</summary>
    private void Period(long expectPings, long expectWithheld)
    {
        long handled = _watchdog.Pings + _watchdog.Withheld;
        _time.Advance(Interval / 2);
        Assert.True(SpinWait.SpinUntil(() => _watchdog.Pings + _watchdog.Withheld > handled, TimeSpan.FromSeconds(10)), "the watchdog did not handle the period");
        Assert.Equal(expectPings, _watchdog.Pings);
        Assert.Equal(expectWithheld, _watchdog.Withheld);
        if (expectPings > 0)
        {
            // The datagram is on the socket once Notify returned, but give the kernel a moment under load.
            SpinWait.SpinUntil(() => false, TimeSpan.FromMilliseconds(20));
        }
    }
}
