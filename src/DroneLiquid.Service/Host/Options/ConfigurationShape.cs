using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DroneLiquid.Service.Host.Options;

/// <summary>
/// Checks that a configuration section fits an options type before it is bound: every key names a property, and
/// every value converts to the property's type. The binder would stop at the first bad value with an exception;
/// this lists every problem, one line each: the key, the value and what is allowed.
/// </summary>
internal static class ConfigurationShape
{
    /// <summary>Every problem of <paramref name="section"/> against <paramref name="type"/>, or an empty list.</summary>
    public static List<string> Check(IConfigurationSection section, Type type)
    {
        var failures = new List<string>();
        Walk(section, type, section.Path, failures);
        return failures;
    }

    private static void Walk(IConfigurationSection section, Type type, string path, List<string> failures)
    {
        PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0).ToArray();
        foreach (IConfigurationSection child in section.GetChildren())
        {
            PropertyInfo? property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                failures.Add($"{path}:{child.Key} is not a setting; expected one of {string.Join(", ", properties.Select(p => p.Name))}");
                continue;
            }

            string key = $"{path}:{property.Name}";
            Type target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(target))
            {
                if (child.GetChildren().Any())
                {
                    failures.Add($"{key} is a section; expected {Describe(target)}");
                }
                else if (child.Value is { } text && !(text.Length == 0 && property.PropertyType != target) && !Converts(target, text))
                {
                    failures.Add($"{key} is '{text}'; expected {Describe(target)}");
                }
            }
            else if (child.Value is { Length: > 0 } text)
            {
                failures.Add($"{key} is '{text}'; expected a section with {string.Join(", ", target.GetProperties().Where(p => p.CanWrite).Select(p => p.Name))}");
            }
            else
            {
                Walk(child, target, key, failures);
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);

    private static bool Converts(Type type, string text)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            // The binder would also take a number; only the names mean something to a reader.
            return Enum.GetNames(type).Any(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text) is not null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like, for the error line.</summary>
    public static string Describe(Type type)
    {
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(float) || type == typeof(double) || type == typeof(decimal) => "a number",
            _ when type == typeof(byte) => "a whole number 0 to 255",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(TimeSpan) => "a duration such as 00:00:01.5 (hh:mm:ss.fff)",
            _ => type.Name.ToLower(CultureInfo.InvariantCulture),
        };
    }
}
