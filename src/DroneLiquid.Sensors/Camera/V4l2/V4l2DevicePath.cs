namespace DroneLiquid.Sensors.Camera.V4l2;

/// <summary>
/// Iot.Device.Media.VideoDevice opens <c>{DevicePath}{BusId}</c>; this splits a configured node (after following
/// symlinks such as <c>/dev/v4l/by-id/...</c>) into that prefix and number, or says why it cannot.
/// </summary>
internal static class V4l2DevicePath
{
    public static (string Prefix, int Index) Resolve(string configuredPath)
    {
        string path = configuredPath;
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            throw new SensorStartException($"camera device '{configuredPath}' does not exist; list the cameras with 'v4l2-ctl --list-devices' (package v4l-utils)");
        }

        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                throw new SensorStartException($"camera device '{configuredPath}' is a link to '{info.LinkTarget}', which does not exist");
            }

            path = target.FullName;
        }

        int digits = path.Length;
        while (digits > 0 && char.IsAsciiDigit(path[digits - 1]))
        {
            digits--;
        }

        if (!path.StartsWith("/dev/", StringComparison.Ordinal) || digits == path.Length || digits == 0)
        {
            throw new SensorStartException($"camera device '{configuredPath}' resolves to '{path}', which is not a V4L2 device node (/dev/videoN)");
        }

        return (path[..digits], int.Parse(path.AsSpan(digits), System.Globalization.CultureInfo.InvariantCulture));
    }
}
