#!/bin/sh
# Data for models/state-nav (see ../README.md "Training policies"). Deterministic: the same commands give
# byte-identical data sets. Run from this folder after building the service and the trainer:
#   dotnet build ../src/DroneLiquid.Service -c Release && dotnet build ../src/DroneLiquid.Training -c Release
set -eu
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
T=${DRONELIQUID_TRAIN:-../src/DroneLiquid.Training/bin/Release/net10.0/droneliquid-train}
# Expert flights in windy obstacle-free worlds, with correlated noise on the flown command (labels stay clean).
nice -n 5 "$D" collect --world empty --episodes 300 --seed 11 --out data/state-empty-a --noise 0.3 --wind 1.5
nice -n 5 "$D" collect --world empty --episodes 300 --seed 12 --out data/state-empty-b --noise 0.6 --wind 3
nice -n 5 "$D" collect --world empty --episodes 60 --seed 13 --purpose validation --out data/state-empty-val --noise 0.3 --wind 2
# Round 0 policy on the expert data, then one DAgger round: it flies 70% of the ticks, the expert labels all.
nice -n 5 "$T" train --config state-nav-round0.json
nice -n 5 "$D" collect --world empty --episodes 300 --seed 14 --out data/state-empty-dagger --dagger-policy runs/state-nav-round0/policy --beta 0.3 --wind 2.5 --noise 0.2
