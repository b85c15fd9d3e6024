// libtorch's random generator and thread settings are process-wide: a test seeding it while another draws from it
// makes both draw different numbers, so the determinism tests (resume equals an uninterrupted run, a shared trunk)
// must not overlap other training tests. The whole assembly runs in a few seconds serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
