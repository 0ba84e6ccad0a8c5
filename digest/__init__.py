"""digest: one merged, attributed story from several outlets' versions of it."""

__version__ = "0.1.0"
