// Each flight paces an emulator against the wall clock: two flights at once would stretch each other's simulated time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
