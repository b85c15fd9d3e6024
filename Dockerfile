# syntax=docker/dockerfile:1
# DroneLiquid flight service image for linux/amd64 and linux/arm64 from one file:
#   docker buildx build --platform linux/arm64,linux/amd64 -t droneliquid .
# The SDK stage runs on the build machine's own platform and cross-publishes for the target
# (no emulation while compiling); only the runtime stage is the target platform.
#
# The build is self-contained on the runtime-deps image (glibc, libstdc++, OpenSSL, no .NET): it is the
# same artifact deploy/install.sh puts on a Raspberry Pi or a Jetson, so one build is tested for both, and
# the image carries no shared framework it does not use.
#
# Run on a Raspberry Pi with the autopilot UART, the IMU's I2C bus and the camera passed in, the groups that
# own them added (numeric ids from the host: `getent group dialout i2c video gpio`; dialout is 20 and video
# 44 on Debian-based systems, i2c and gpio differ per image), the configuration and records on the host:
#   docker run -d --name droneliquid --restart on-failure \
#     --device /dev/serial0 --device /dev/i2c-1 --device /dev/video0 \
#     --group-add 20 --group-add 44 --group-add "$(getent group i2c | cut -d: -f3)" \
#     -v /etc/droneliquid:/etc/droneliquid:ro -v /var/lib/droneliquid:/var/lib/droneliquid \
#     droneliquid
# MAVLink over UDP from a router on the host needs --network host (or -p 14540:14540/udp).
# /var/lib/droneliquid on the host must be writable by uid 1654 (the image's `app` user).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
# TARGETARCH (amd64, arm64) -> .NET runtime identifier; CI runs this publish command for both.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    case "$TARGETARCH" in \
      amd64) rid=linux-x64 ;; \
      arm64) rid=linux-arm64 ;; \
      *) echo "unsupported TARGETARCH '$TARGETARCH' (expected amd64 or arm64)" >&2; exit 1 ;; \
    esac && \
    dotnet publish src/DroneLiquid.Service -c Release -r "$rid" --self-contained -o /out

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# The same settings as deploy/systemd/droneliquid.service: workstation GC, no tiered PGO, no ONNX Runtime
# telemetry uploads.
ENV DOTNET_gcServer=0 \
    DOTNET_gcConcurrent=1 \
    DOTNET_TieredPGO=0 \
    DOTNET_ENVIRONMENT=Production \
    ORT_DISABLE_TELEMETRY=1
COPY --from=build /out /opt/droneliquid
# The image's default configuration is the build's appsettings.json when it has one; a mounted
# /etc/droneliquid replaces it.
RUN mkdir -p /etc/droneliquid /var/lib/droneliquid/flights && \
    if [ -f /opt/droneliquid/appsettings.json ]; then \
      cp /opt/droneliquid/appsettings.json /etc/droneliquid/appsettings.json; \
    fi && \
    chown -R "$APP_UID" /var/lib/droneliquid
VOLUME ["/etc/droneliquid", "/var/lib/droneliquid"]
WORKDIR /var/lib/droneliquid
# A non-root user (uid 1654, defined by the .NET images).
USER $APP_UID
ENTRYPOINT ["/opt/droneliquid/droneliquid", "run", "--config", "/etc/droneliquid/appsettings.json"]
