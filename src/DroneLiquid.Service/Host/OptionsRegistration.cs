using DroneLiquid.Service.Host.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Host;

/// <summary>Registers <see cref="DroneLiquidOptions"/> with ValidateOnStart: a bad configuration stops the host before it flies.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds "DroneLiquid" (only when its shape is sound, so a mistyped value becomes a validation line instead of a
    /// binder exception) and validates it at start with the checks `config check` runs.
    /// </summary>
    public static IServiceCollection AddDroneLiquidOptions(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DroneLiquidOptions>()
            .Configure(options =>
            {
                if (ServiceConfiguration.CheckShape(configuration).Count == 0)
                {
                    ServiceConfiguration.Bind(configuration, options, baseDirectory);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DroneLiquidOptions>>(new ConfiguredOptionsValidator(configuration));
        return services;
    }

    /// <summary>The lines of a validation failure thrown at start (one or several options types), one per problem.</summary>
    public static IReadOnlyList<string> FailureLines(Exception exception) => exception switch
    {
        OptionsValidationException o => [.. o.Failures],
        AggregateException a => [.. a.InnerExceptions.SelectMany(FailureLines)],
        _ => [exception.Message],
    };
}
