#!/bin/sh
# Closed-loop evaluation of models/vision-cfc, vision-cfc-dense and vision-lstm on the same held-out test episodes (test-purpose
# world seeds from --seed 1, never used for training or model selection), forest and urban, then one comparison
# report in ../models/vision-cfc/eval. Run from this folder after `dotnet build ../src/DroneLiquid.Service -c Release`.
# EPISODES (default 200) per model and world; the eight runs (with the expert for reference) go side by side.
set -eu
mkdir -p runs/eval
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
N=${EPISODES:-200}
for m in vision-cfc vision-cfc-dense vision-lstm; do
  for w in forest urban; do
    nice -n 5 "$D" eval --policy "../models/$m" --world "$w" --episodes "$N" --seed 1 --workers 1 \
      --out "runs/eval/$m-$w" --json > "runs/eval/$m-$w.json" &
  done
done
for w in forest urban; do
  nice -n 5 "$D" eval --expert --world "$w" --episodes "$N" --seed 1 --workers 1 --out "runs/eval/expert-$w" \
    --json > "runs/eval/expert-$w.json" &
done
wait
"$D" eval merge runs/eval/vision-cfc-forest runs/eval/vision-cfc-urban runs/eval/vision-cfc-dense-forest \
  runs/eval/vision-cfc-dense-urban runs/eval/vision-lstm-forest runs/eval/vision-lstm-urban runs/eval/expert-forest \
  runs/eval/expert-urban --out ../models/vision-cfc/eval --json
