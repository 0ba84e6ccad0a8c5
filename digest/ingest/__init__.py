"""Ingest: load sources, extract article text, remove boilerplate (each removal recorded)."""

from digest.ingest.load import LoadResult, bundled_seeds_dir, load_sources

__all__ = ["LoadResult", "bundled_seeds_dir", "load_sources"]
