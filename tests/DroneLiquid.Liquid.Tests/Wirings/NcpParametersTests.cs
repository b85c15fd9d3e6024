using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Tests.Wirings;

public class NcpParametersTests
{
    [Fact]
    public void AutoNcp19x4MatchesTheCountsNcpsDerived()
    {
        // config.wiring.ncp of the reference files wiredcfc_autoncp19.json / ltc_autoncp19.json.
        var p = NcpParameters.FromAutoNcp(19, 4);
        Assert.Equal(new NcpParameters(InterNeurons: 9, CommandNeurons: 6, MotorNeurons: 4, SensoryFanout: 4, InterFanout: 3, RecurrentCommandSynapses: 6, MotorFanin: 3), p);
        Assert.Equal(19, p.Units);
    }

    [Fact]
    public void AutoNcpAtFullSparsityKeepsOneSynapsePerFan()
    {
        var p = NcpParameters.FromAutoNcp(30, 5, 1.0);
        Assert.Equal((1, 1, 1, 1), (p.SensoryFanout, p.InterFanout, p.RecurrentCommandSynapses, p.MotorFanin));
    }

    [Theory]
    [InlineData(10, 8, 0.5, "less than units - 2 (given 10 units, 8 outputs)")]
    [InlineData(19, 4, 0.05, "between 0.1 and 1.0, got 0.05")]
    [InlineData(19, 4, 1.5, "between 0.1 and 1.0, got 1.5")]
    [InlineData(19, 0, 0.5, "at least 1, got 0")]
    public void AutoNcpRejectsBadArgumentsWithBothNumbers(int units, int outputs, double sparsity, string expected)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => NcpParameters.FromAutoNcp(units, outputs, sparsity));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(5, 4, 2, 6, 2, 1, 2, "sensory fanout is 6 but there are only 5 inter neurons")]
    [InlineData(5, 4, 2, 3, 5, 1, 2, "inter fanout is 5 but there are only 4 command neurons")]
    [InlineData(5, 4, 2, 3, 2, 1, 7, "motor fanin is 7 but there are only 4 command neurons")]
    [InlineData(0, 4, 2, 3, 2, 1, 2, "inter neurons must be at least 1, got 0")]
    [InlineData(5, 4, 2, 0, 2, 1, 2, "sensory fanout must be at least 1, got 0")]
    [InlineData(5, 4, 2, 3, 2, -1, 2, "recurrent command synapses must be 0 or more, got -1")]
    public void ValidateNamesTheFanoutAndTheLayerSize(int inter, int command, int motor, int sensoryFanout, int interFanout, int recurrent, int motorFanin, string expected)
    {
        var p = new NcpParameters(inter, command, motor, sensoryFanout, interFanout, recurrent, motorFanin);
        var ex = Assert.ThrowsAny<ArgumentException>(p.Validate);
        Assert.Contains(expected, ex.Message);
    }
}
