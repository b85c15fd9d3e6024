using DroneLiquid.Training.Data;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Tests.Data;

public sealed class ColourAugmentationTests
{
    [Fact]
    public void FramesChangeColourButStayInRangeAndRepeatWithTheSeed()
    {
        TorchSetup.Initialise();
        // 32 frames of a red square on a dark green background, shaped as a batch of windows [B, T, 3, H, W].
        var frames = zeros([4, 8, 3, 12, 16]);
        frames[.., .., 1] = tensor(0.3f);
        frames[.., .., 0, 4..8, 6..10] = tensor(0.9f);
        frames[.., .., 1, 4..8, 6..10] = tensor(0.1f);

        var first = ColourAugmentation.Apply(frames, new Random(3));
        var again = ColourAugmentation.Apply(frames, new Random(3));

        Assert.Equal(frames.shape, first.shape);
        Assert.True(first.min().item<float>() >= 0f && first.max().item<float>() <= 1f);
        Assert.True(first.allclose(again, rtol: 0, atol: 0), "the same seed must give the same frames");
        var square = first.reshape(32, 3, 12, 16)[.., .., 4..8, 6..10].mean([2, 3]);
        var dominant = square.argmax(1).data<long>().ToArray();
        var spread = (square.max(1).values - square.min(1).values).data<float>().ToArray();
        Assert.Contains(0L, dominant);                       // some frames keep red first
        Assert.Contains(dominant, c => c != 0);              // others move it to another channel
        Assert.Contains(spread, s => s < 1e-5f);             // and some are grey
        Assert.False(first.allclose(ColourAugmentation.Apply(frames, new Random(4)), rtol: 0, atol: 0));
    }
}
