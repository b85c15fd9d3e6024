#!/bin/sh
# Data for models/vision-cfc, vision-cfc-dense and vision-lstm: forest only, 64x48 RGB frames, expert flights with
# correlated command noise (labels stay clean), then four DAgger rounds, each flown by the previous round's vision CfC
# (it flies 70% of the ticks in rounds 1-3 and every tick in round 4; the expert labels every one).
# The learners of rounds 0-3 are kept in learners/ (policy folders): by default they fly the DAgger rounds, so the data
# takes about 10 minutes instead of the 95 more that training them cost on a 2-core machine; RETRAIN=1 trains each
# round's learner from the data before it (vision-cfc-roundN.json), as they were made, and flies that one instead.
# Deterministic on one machine; on another CPU the DAgger rounds differ in detail, since the learners' trunk runs in
# ONNX Runtime, whose kernels depend on the instruction set (see ../README.md, "Determinism across machines").
# Run from this folder after building the service (and, with RETRAIN=1, the trainer):
#   dotnet build ../src/DroneLiquid.Service -c Release && dotnet build ../src/DroneLiquid.Training -c Release
# Then: droneliquid-train train --config vision-cfc.json, vision-cfc-dense.json and vision-lstm.json (each reuses
# the first one's trunk and its cached features; only the head trains).
set -eu
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
T=${DRONELIQUID_TRAIN:-../src/DroneLiquid.Training/bin/Release/net10.0/droneliquid-train}
learner() { # round: prints the policy folder that flies the next DAgger round
  if [ -z "${RETRAIN:-}" ] && [ -f "learners/vision-cfc-round$1/policy.json" ]; then
    echo "learners/vision-cfc-round$1"
  else
    nice -n 5 "$T" train --config "vision-cfc-round$1.json" >&2
    echo "runs/vision-cfc-round$1/policy"
  fi
}
dagger() { # round, learner policy, train seed, validation seed (or none), expert's share of the ticks (default 0.3)
  nice -n 5 "$D" collect --world forest --episodes 300 --seed "$3" --out "data/vision-forest-$1" --image 64x48 \
    --dagger-policy "$2" --beta "${5:-0.3}" --noise 0.2 --wind 1.5
  if [ -n "${4:-}" ]; then
    nice -n 5 "$D" collect --world forest --episodes 24 --seed "$4" --purpose validation --out "data/vision-forest-$1-val" \
      --image 64x48 --dagger-policy "$2" --beta "${5:-0.3}" --noise 0.2 --wind 1.5
  fi
}
nice -n 5 "$D" collect --world forest --episodes 300 --seed 21 --out data/vision-forest --image 64x48 --noise 0.3 --wind 1.5
nice -n 5 "$D" collect --world forest --episodes 24 --seed 22 --purpose validation --out data/vision-forest-val --image 64x48 --noise 0.3 --wind 1.5
# Round 0 (expert data) trains the trunk every later round reuses; each round's learner flies the next DAgger round.
L=$(learner 0)
dagger dagger "$L" 24
L=$(learner 1)
dagger dagger2 "$L" 25 26
L=$(learner 2)
dagger dagger3 "$L" 27 28
L=$(learner 3)
dagger dagger4 "$L" 29 "" 0
