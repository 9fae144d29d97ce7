"""Benchmarks: each measured in the same run as a baseline (see `make bench`)."""
