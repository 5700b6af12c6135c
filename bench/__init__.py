"""Benchmarks that print figures against the targets (see README.md)."""
