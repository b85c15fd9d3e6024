using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Host.Options;

/// <summary>
/// The host's ValidateOnStart check: the configuration's shape first (a value of the wrong type is reported, not
/// thrown by the binder), then <see cref="DroneLiquidOptionsValidator"/>; the same lines `config check` prints.
/// </summary>
internal sealed class ConfiguredOptionsValidator(IConfiguration configuration) : IValidateOptions<DroneLiquidOptions>
{
    public ValidateOptionsResult Validate(string? name, DroneLiquidOptions options)
    {
        List<string> failures = ServiceConfiguration.CheckShape(configuration);
        if (failures.Count == 0)
        {
            failures = DroneLiquidOptionsValidator.Collect(options);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
