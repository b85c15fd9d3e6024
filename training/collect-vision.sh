#!/bin/sh
# Data for models/vision-cfc, vision-cfc-dense and vision-lstm: forest only, 64x48 RGB frames, expert flights with
# correlated command noise (labels stay clean), then four DAgger rounds, each flown by the previous round's vision CfC
# (it flies 70% of the ticks in rounds 1-3 and every tick in round 4; the expert labels every one). Deterministic. Run from this folder after building the
# service and the trainer:
#   dotnet build ../src/DroneLiquid.Service -c Release && dotnet build ../src/DroneLiquid.Training -c Release
# Then: droneliquid-train train --config vision-cfc.json, vision-cfc-dense.json and vision-lstm.json (each reuses
# round 0's trunk and its cached features; only the head trains).
set -eu
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
T=${DRONELIQUID_TRAIN:-../src/DroneLiquid.Training/bin/Release/net10.0/droneliquid-train}
dagger() { # round, learner policy, train seed, validation seed (or none), expert's share of the ticks (default 0.3)
  nice -n 5 "$D" collect --world forest --episodes 300 --seed "$3" --out "data/vision-forest-$1" --image 64x48 \
    --dagger-policy "$2" --beta "${5:-0.3}" --noise 0.2 --wind 1.5 --workers 1
  if [ -n "${4:-}" ]; then
    nice -n 5 "$D" collect --world forest --episodes 24 --seed "$4" --purpose validation --out "data/vision-forest-$1-val" \
      --image 64x48 --dagger-policy "$2" --beta "${5:-0.3}" --noise 0.2 --wind 1.5 --workers 1
  fi
}
nice -n 5 "$D" collect --world forest --episodes 300 --seed 21 --out data/vision-forest --image 64x48 --noise 0.3 --wind 1.5
nice -n 5 "$D" collect --world forest --episodes 24 --seed 22 --purpose validation --out data/vision-forest-val --image 64x48 --noise 0.3 --wind 1.5
# Round 0 (expert data) trains the trunk every later run reuses; each round's policy flies the next DAgger round.
nice -n 5 "$T" train --config vision-cfc-round0.json
dagger dagger runs/vision-cfc-round0/policy 24
nice -n 5 "$T" train --config vision-cfc-round1.json
dagger dagger2 runs/vision-cfc-round1/policy 25 26
nice -n 5 "$T" train --config vision-cfc-round2.json
dagger dagger3 runs/vision-cfc-round2/policy 27 28
nice -n 5 "$T" train --config vision-cfc-round3.json
dagger dagger4 runs/vision-cfc-round3/policy 29 "" 0
