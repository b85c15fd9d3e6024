using System.Numerics;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// How the IMU board is mounted: which board axis, with which sign, points forward, right and down.
/// A signed permutation that must be a proper rotation (a right-handed board stays right-handed),
/// so the 24 mountings in 90° steps are covered.
/// </summary>
/// <remarks>
/// Written as three signed board axes in the order forward, right, down, for example:
/// <list type="bullet">
/// <item><c>+X,-Y,-Z</c>: board flat, chip on top, X arrow forward (the usual MPU/BNO breakout with Z up). This is <see cref="ZUpXForward"/>.</item>
/// <item><c>+X,+Y,+Z</c>: the board is already FRD (chip upside down, X forward). This is <see cref="Identity"/>.</item>
/// <item><c>+Y,+X,-Z</c>: board flat, chip on top, Y arrow forward.</item>
/// </list>
/// </remarks>
public readonly struct AxisRemap : IEquatable<AxisRemap>
{
    private readonly byte _forwardAxis, _rightAxis, _downAxis;
    private readonly sbyte _forwardSign, _rightSign, _downSign;

    private AxisRemap(byte forwardAxis, sbyte forwardSign, byte rightAxis, sbyte rightSign, byte downAxis, sbyte downSign)
    {
        (_forwardAxis, _forwardSign, _rightAxis, _rightSign, _downAxis, _downSign) =
            (forwardAxis, forwardSign, rightAxis, rightSign, downAxis, downSign);
    }

    /// <summary>The board frame is already FRD.</summary>
    public static AxisRemap Identity => new(0, 1, 1, 1, 2, 1);

    /// <summary>Board flat with its Z axis up and X forward: forward = +X, right = -Y, down = -Z.</summary>
    public static AxisRemap ZUpXForward => new(0, 1, 1, -1, 2, -1);

    /// <summary>Board vector to the FRD body frame.</summary>
    public Vector3 ToFrd(Vector3 board) => new(
        _forwardSign * board[_forwardAxis],
        _rightSign * board[_rightAxis],
        _downSign * board[_downAxis]);

    /// <summary>
    /// Parses "±A,±B,±C" (forward, right, down; each A/B/C one of X, Y, Z). Errors name the text, what was
    /// found and what is allowed.
    /// </summary>
    public static bool TryParse(string? text, out AxisRemap remap, out string error)
    {
        remap = default;
        error = string.Empty;
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            error = $"'{text}' has {parts.Length} part(s); expected three signed board axes for forward,right,down such as '+X,-Y,-Z'";
            return false;
        }

        Span<byte> axes = stackalloc byte[3];
        Span<sbyte> signs = stackalloc sbyte[3];
        for (int i = 0; i < 3; i++)
        {
            string p = parts[i];
            if (p.Length != 2 || (p[0] != '+' && p[0] != '-') || char.ToUpperInvariant(p[1]) is not ('X' or 'Y' or 'Z'))
            {
                error = $"'{text}': part {i + 1} is '{p}'; expected a sign and an axis: +X, -X, +Y, -Y, +Z or -Z";
                return false;
            }

            signs[i] = p[0] == '+' ? (sbyte)1 : (sbyte)-1;
            axes[i] = (byte)(char.ToUpperInvariant(p[1]) - 'X');
        }

        if (axes[0] == axes[1] || axes[0] == axes[2] || axes[1] == axes[2])
        {
            error = $"'{text}' uses a board axis twice; each of X, Y and Z must appear exactly once";
            return false;
        }

        // Determinant of the signed permutation matrix: sign of the permutation times the product of the signs.
        int parity = PermutationParity(axes[0], axes[1], axes[2]);
        if (parity * signs[0] * signs[1] * signs[2] != 1)
        {
            error = $"'{text}' is a mirror image, not a rotation (determinant -1); flip the sign of one axis";
            return false;
        }

        remap = new AxisRemap(axes[0], signs[0], axes[1], signs[1], axes[2], signs[2]);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> with the error.</summary>
    public static AxisRemap Parse(string text) =>
        TryParse(text, out var remap, out var error) ? remap : throw new FormatException(error);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Axis(_forwardSign, _forwardAxis)},{Axis(_rightSign, _rightAxis)},{Axis(_downSign, _downAxis)}";

    /// <inheritdoc/>
    public bool Equals(AxisRemap other) => ToString() == other.ToString();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AxisRemap other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_forwardAxis, _forwardSign, _rightAxis, _rightSign, _downAxis, _downSign);

    private static string Axis(sbyte sign, byte axis) => $"{(sign > 0 ? '+' : '-')}{(char)('X' + axis)}";

    // Even permutations of (0,1,2) are the cyclic ones.
    private static int PermutationParity(int a, int b, int c) => (a, b, c) is (0, 1, 2) or (1, 2, 0) or (2, 0, 1) ? 1 : -1;
}
