// libtorch has one global random generator per process (dropout draws from it), so tests that seed it
// and train would see each other's draws if they ran in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
