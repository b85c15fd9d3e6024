namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>The rig's own promise: its tick budgets measure the session, so the test host must not starve the session's reactions.</summary>
public class FakeSessionRigTests
{
    [Fact]
    public async Task The_thread_pool_has_room_for_the_session_beside_the_threads_the_tests_block()
    {
        await using var rig = new FakeSessionRig();
        ThreadPool.GetMinThreads(out int workers, out _);

        // At the default minimum (one per core) the blocked threads take every slot and a Hold waits for the pool's
        // starvation injection: on two cores busy with a training run, the stale-sensor session test missed its 50-tick Hold
        // in 20 of 20 runs.
        Assert.True(workers > FakeSessionRig.BlockedPoolThreads, $"{workers} pool threads before injection, {FakeSessionRig.BlockedPoolThreads} blocked");
    }
}
