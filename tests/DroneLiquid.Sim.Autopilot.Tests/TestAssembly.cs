// The emulator scenarios run simulated time against real loopback sockets at 20x speed; run them one at a time so
// that one scenario's CPU load does not stretch another's message latency past its simulated-time windows.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
