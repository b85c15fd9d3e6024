using Microsoft.Extensions.Options;

namespace DroneLiquid.Sensors.Camera.V4l2;

/// <summary>Runs <see cref="V4l2CameraOptions.Validate"/> at service start (every failure, key, value and what is allowed).</summary>
public sealed class V4l2CameraOptionsValidator : IValidateOptions<V4l2CameraOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, V4l2CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
