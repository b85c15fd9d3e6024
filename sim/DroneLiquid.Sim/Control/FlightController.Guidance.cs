using System.Numerics;

namespace DroneLiquid.Sim.Control;

/// <summary>The outer loops: what velocity and heading each mode asks the cascade for, and landing auto-disarm.</summary>
public sealed partial class FlightController
{
    private (Vector3 Velocity, float Yaw, float YawRate) ModeTargets(Vector3 position, float dt)
    {
        switch (Mode)
        {
            case FlightMode.Velocity:
                return VelocityTargets(position, dt);
            case FlightMode.Takeoff:
            {
                var target = new Vector3(_holdPositionNed.X, _holdPositionNed.Y, HomeNed.Z - _takeoffAltitudeMetres);
                Vector3 v = PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.TakeoffClimbRateMetresPerSecond);
                if (MathF.Abs(position.Z - target.Z) < 0.1f)
                {
                    _holdPositionNed = target;
                    Mode = FlightMode.Hold;
                }

                return (v, _holdYawRadians, 0f);
            }

            case FlightMode.Land:
            {
                Vector3 v = PositionToVelocity(_holdPositionNed, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond);
                return (v with { Z = _t.LandSpeedMetresPerSecond }, _holdYawRadians, 0f);
            }

            case FlightMode.Return:
                return ReturnTargets(position);
            default:
                return (PositionToVelocity(_holdPositionNed, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
        }
    }

    private (Vector3 Velocity, float Yaw, float YawRate) VelocityTargets(Vector3 position, float dt)
    {
        if (_yawByRate)
        {
            _yawTargetRadians = WrapAngle(_yawTargetRadians + (_yawRateRadiansPerSecond * dt));

            // Keep the heading target within reach so a stalled turn does not wind up.
            float lag = WrapAngle(_yawTargetRadians - _estimate.YawRadians);
            if (MathF.Abs(lag) > 0.5f)
            {
                _yawTargetRadians = WrapAngle(_estimate.YawRadians + (0.5f * MathF.Sign(lag)));
            }
        }

        Vector3 v = _velocitySetpoint;
        if (_velocityInBody)
        {
            float yaw = _estimate.YawRadians;
            float c = MathF.Cos(yaw), s = MathF.Sin(yaw);
            v = new Vector3((c * v.X) - (s * v.Y), (s * v.X) + (c * v.Y), v.Z);
        }

        // Vertical: track the integrated reference so altitude holds when the vertical setpoint is zero.
        _verticalReferenceDown += Math.Clamp(v.Z, -_t.MaxClimbRateMetresPerSecond, _t.MaxDescentRateMetresPerSecond) * dt;
        _verticalReferenceDown = MathF.Min(_verticalReferenceDown, HomeNed.Z + 0.5f);
        _verticalReferenceDown = Math.Clamp(_verticalReferenceDown, position.Z - 1f, position.Z + 1f);
        v.Z += _t.VerticalPositionGainPerSecond * (_verticalReferenceDown - position.Z);
        return (v, _yawTargetRadians, _yawByRate ? _yawRateRadiansPerSecond : 0f);
    }

    private (Vector3 Velocity, float Yaw, float YawRate) ReturnTargets(Vector3 position)
    {
        float returnDown = MathF.Min(HomeNed.Z - _t.ReturnAltitudeMetres, _holdPositionNed.Z);
        var toHome = new Vector2(HomeNed.X - position.X, HomeNed.Y - position.Y);
        switch (ReturnPhase)
        {
            case ReturnPhase.Climb:
            {
                var target = new Vector3(_holdPositionNed.X, _holdPositionNed.Y, returnDown);
                if (MathF.Abs(position.Z - returnDown) < 0.3f)
                {
                    ReturnPhase = ReturnPhase.Cruise;
                    if (toHome.Length() > 0.5f)
                    {
                        _holdYawRadians = MathF.Atan2(toHome.Y, toHome.X);
                    }
                }

                return (PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
            }

            case ReturnPhase.Cruise:
            {
                var target = new Vector3(HomeNed.X, HomeNed.Y, returnDown);
                if (toHome.Length() < 0.5f)
                {
                    ReturnPhase = ReturnPhase.Descend;
                }

                return (PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond), _holdYawRadians, 0f);
            }

            default:
            {
                var target = new Vector3(HomeNed.X, HomeNed.Y, position.Z);
                Vector3 v = PositionToVelocity(target, position, _t.CruiseSpeedMetresPerSecond, _t.MaxClimbRateMetresPerSecond);
                return (v with { Z = _t.LandSpeedMetresPerSecond }, _holdYawRadians, 0f);
            }
        }
    }

    private Vector3 PositionToVelocity(Vector3 target, Vector3 position, float maxHorizontal, float maxClimb)
    {
        Vector3 error = target - position;
        var horizontal = new Vector2(error.X, error.Y) * _t.PositionGainPerSecond;
        float length = horizontal.Length();
        if (length > maxHorizontal)
        {
            horizontal *= maxHorizontal / length;
        }

        float vertical = Math.Clamp(error.Z * _t.VerticalPositionGainPerSecond, -maxClimb, _t.MaxDescentRateMetresPerSecond);
        return new Vector3(horizontal, vertical);
    }

    private Vector3 LimitVelocity(Vector3 v)
    {
        var horizontal = new Vector2(v.X, v.Y);
        float length = horizontal.Length();
        if (length > _t.MaxHorizontalSpeedMetresPerSecond)
        {
            horizontal *= _t.MaxHorizontalSpeedMetresPerSecond / length;
        }

        return new Vector3(horizontal, Math.Clamp(v.Z, -_t.MaxClimbRateMetresPerSecond, _t.MaxDescentRateMetresPerSecond));
    }

    private void UpdateAutoDisarm(double nowSeconds)
    {
        if (!Armed || !_landDetector.Landed)
        {
            _landedSinceSeconds = double.NaN;
            return;
        }

        if (double.IsNaN(_landedSinceSeconds))
        {
            _landedSinceSeconds = nowSeconds;
            if (Mode is FlightMode.Land or FlightMode.Return)
            {
                _holdPositionNed = _estimate.PositionNed;
            }
        }

        bool landingMode = Mode == FlightMode.Land || (Mode == FlightMode.Return && ReturnPhase == ReturnPhase.Descend);
        if (landingMode && nowSeconds - _landedSinceSeconds >= _t.DisarmAfterLandSeconds)
        {
            Armed = false;
            Mode = FlightMode.Hold;
            _holdPositionNed = _estimate.PositionNed;
        }
    }
}
