// Timing and thread-count assertions share one noisy 2-core machine: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
