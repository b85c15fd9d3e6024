#!/bin/sh
# Data for models/vision-cfc and models/vision-lstm: forest only, 64x48 RGB frames, expert flights with
# correlated command noise (labels stay clean). Deterministic. Run from this folder after building the service.
set -eu
D=${DRONELIQUID:-../src/DroneLiquid.Service/bin/Release/net10.0/droneliquid}
nice -n 5 "$D" collect --world forest --episodes 150 --seed 21 --out data/vision-forest --image 64x48 --noise 0.3 --wind 1.5
nice -n 5 "$D" collect --world forest --episodes 24 --seed 22 --purpose validation --out data/vision-forest-val --image 64x48 --noise 0.3 --wind 1.5
