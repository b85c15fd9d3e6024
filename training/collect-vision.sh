#!/bin/sh
# Data for models/vision-cfc and models/vision-lstm: forest only, 64x48 RGB frames, expert flights with
# correlated command noise (labels stay clean), then one DAgger round flown by a round-0 vision CfC.
# Deterministic. Run from this folder after building the service and the trainer:
#   dotnet build ../src/DroneLiquid.Service -c Release && dotnet build ../src/DroneLiquid.Training -c Release
# Then: droneliquid-train train --config vision-cfc.json, vision-cfc-dense.json and vision-lstm.json (each reuses
# round 0's trunk and its cached features; only the head trains).
set -eu
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
T=${DRONELIQUID_TRAIN:-../src/DroneLiquid.Training/bin/Release/net10.0/droneliquid-train}
nice -n 5 "$D" collect --world forest --episodes 300 --seed 21 --out data/vision-forest --image 64x48 --noise 0.3 --wind 1.5
nice -n 5 "$D" collect --world forest --episodes 24 --seed 22 --purpose validation --out data/vision-forest-val --image 64x48 --noise 0.3 --wind 1.5
# Round 0 on the expert data, then DAgger: the round-0 policy flies 70% of the ticks, the expert labels all.
nice -n 5 "$T" train --config vision-cfc-round0.json
nice -n 5 "$D" collect --world forest --episodes 300 --seed 24 --out data/vision-forest-dagger --image 64x48 \
  --dagger-policy runs/vision-cfc-round0/policy --beta 0.3 --noise 0.2 --wind 1.5 --workers 1
