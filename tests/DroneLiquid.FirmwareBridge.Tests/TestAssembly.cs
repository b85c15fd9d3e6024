// The adapter scenarios fly the autopilot emulators over real loopback sockets faster than real time; run them one at
// a time so that one scenario's CPU load does not stretch another's message latency past its simulated-time windows.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
