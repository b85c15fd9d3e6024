using DroneLiquid.Tests.Shared;
using Xunit.Sdk;

namespace DroneLiquid.Liquid.Tests;

/// <summary>The shared allocation check, which every allocation test relies on, fails on a path that allocates.</summary>
public class AllocationsHelperTests
{
    private static object? _sink;

    [Fact]
    public void A_window_that_allocates_once_in_a_thousand_calls_fails_with_every_window_named()
    {
        int calls = 0;
        var error = Assert.Throws<TrueException>(() => Allocations.AssertNonePerCall(() =>
        {
            if (++calls % 1000 == 0)
            {
                _sink = new object();
            }
        }));

        Assert.Contains("allocated in every window", error.Message);
        Assert.Equal(Allocations.Attempts, error.Message.Split(" B").Length - 1);
    }

    [Fact]
    public void A_window_that_allocates_nothing_passes()
    {
        int calls = 0;
        Allocations.AssertNonePerCall(() => calls++);
        Assert.True(calls > 2000);
    }
}
