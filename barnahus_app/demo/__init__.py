"""Demo records of obviously fictional cases, for trying the app and for benchmarks."""
