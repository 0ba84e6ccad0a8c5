"""digest export against a plain datasketch pipeline, side by side, in one interleaved run.

Usage: python benchmarks/versus_datasketch.py [SIZES...]   (default: 5 100 1000)

The baseline is what a competent engineer writes with datasketch alone: read the files, split
sentences, collapse identical ones, MinHash.bulk, MinHashLSH at threshold 0.4, an exact
Jaccard/containment check of each candidate, union-find. It does none of digest's cleaning,
attribution, information level, details, ordering or export. Both run as fresh processes on the
same generated articles (benchmarks/scale.py's generator), alternating, best of three; the time
is the whole command, start-up and imports included, as a user would wait for it. digest runs
with ``--one-story``: the baseline treats its input as one story, so grouping articles into
stories (benchmarks/library.py times it) is left out of the comparison.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BASELINE = r'''
import re, sys
from pathlib import Path
from datasketch import MinHash, MinHashLSH

sentences = []
for path in sorted(Path(sys.argv[1]).iterdir()):
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s.strip())
unique = list(dict.fromkeys(sentences))
shingle_sets = []
for s in unique:
    words = re.findall(r"\w+", s.lower())
    shingle_sets.append({" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))})
minhashes = MinHash.bulk([[x.encode() for x in sorted(sh)] for sh in shingle_sets], num_perm=128)
lsh = MinHashLSH(threshold=0.4, num_perm=128)
for i, m in enumerate(minhashes):
    lsh.insert(i, m)
parent = list(range(len(unique)))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for i, m in enumerate(minhashes):
    for j in lsh.query(m):
        if j <= i:
            continue
        a, b = shingle_sets[i], shingle_sets[j]
        common = len(a & b)
        if common / len(a | b) >= 0.4 or common / min(len(a), len(b)) >= 0.8:
            parent[find(j)] = find(i)
groups = len({find(i) for i in range(len(unique))})
print(groups)
'''


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    from scale import make_articles

    sizes = [int(a) for a in sys.argv[1:]] or [5, 100, 1000]
    print("| articles | digest export | plain datasketch pipeline | digest / plain |")
    print("|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_articles(size, Path(tmp))
            ours, plain = [], []
            for _ in range(3):  # interleaved, so that both see the same machine state
                ours.append(timed([sys.executable, "-m", "digest", "export", "--one-story", tmp]))
                plain.append(timed([sys.executable, "-c", BASELINE, tmp]))
        a, b = min(ours), min(plain)
        verdict = f"{a / b:.2f}x" + (" (faster)" if a < b else " (slower)")
        print(f"| {size:,} | {a:.2f} s | {b:.2f} s | {verdict} |", flush=True)


if __name__ == "__main__":
    main()
