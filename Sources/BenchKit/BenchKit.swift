// The BenchKit module.
