"""Engine: sentences, same wording (MinHash + LSH + exact check), same information, the merged Story."""

from digest.engine.merge import build_story
from digest.engine.wording import DEFAULT_PARAMS, SimilarityParams

__all__ = ["DEFAULT_PARAMS", "SimilarityParams", "build_story"]
