"""Time and peak memory of the whole pipeline as the number of articles grows.

Usage: python benchmarks/scale.py [SIZES...]   (default: 5 100 1000 10000)

Articles are generated from real news text (the human-written bodies in benchmarks/data) with
controlled overlap, the way several outlets cover one event: every article carries about 60%
of a shared core (wire copy, an official statement), lightly reworded in some outlets, plus
its own sentences and a few lines of boilerplate. They are written to files and read back, so
the table covers the whole path: load (read + decode), clean, segment, signatures (MinHash),
candidates (LSH), verify ("wording"), merge. Each size runs in a fresh process. "peak" is that
process's maximum resident set size; "all" is the peak of the memory of it and its forked
helpers together (digest.background: the loading of half the files; the same-wording level of a
large story), as the sum of their proportional set sizes (PSS: a page two processes share counts
half in each), sampled every 0.1 s from outside. A helper writes to pages it shares with its
parent (reference counts), which then exist twice, so "all" is the honest total. With a helper,
"wording" is this process's half of the verification and the wait for the helper's half, and
"load"/"clean" cover this process's half of the files.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("load", "clean", "segment", "meaning", "wording", "merge")
BOILERPLATE = ["Follow us on Twitter and Facebook to stay connected", "3 min read", "Sign up for our daily newsletter", "Photo: Staff photographer/Reuters"]


def sentence_pool() -> list[list[str]]:
    from digest.engine.segment import split_sentences

    bodies = json.loads((HERE / "data" / "article-bodies.json").read_text(encoding="utf-8"))
    return [[s for p in entry["articleBody"].split("\n") for s in split_sentences(p) if len(s.split()) >= 6] for entry in bodies.values()]


def make_articles(count: int, folder: Path, seed: int = 11) -> None:
    rng = random.Random(seed)
    pool = [body for body in sentence_pool() if len(body) >= 12]
    core = pool[0][:20]
    others = [s for body in pool[1:] for s in body]
    for index in range(count):
        shared = [s if rng.random() < 0.7 else s.replace(",", "", 1) + "" for s in core if rng.random() < 0.6]
        own = []
        for _ in range(rng.randint(6, 12)):
            a, b = rng.choice(others).split(), rng.choice(others).split()
            own.append(" ".join(a[: len(a) // 2] + b[len(b) // 2 :]))  # a new sentence, unique to this outlet
        body = shared + own
        rng.shuffle(own)
        paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        lines = [f"Outlet {index} reports on the event", rng.choice(BOILERPLATE), *paragraphs, rng.choice(BOILERPLATE)]
        (folder / f"{index:05d}.txt").write_text("\n\n".join(lines), encoding="utf-8")


def run_one(count: int) -> dict:
    from digest.engine import build_story
    from digest.ingest import load_sources
    from digest.pipeline import no_cyclic_collection
    from digest.timing import StageClock

    with tempfile.TemporaryDirectory() as tmp:
        make_articles(count, Path(tmp))
        clock = StageClock()
        started = time.perf_counter()
        with no_cyclic_collection():  # as digest.pipeline runs them
            sources = load_sources([tmp], stage=clock).sources
            story = build_story(sources, stage=clock)
        total = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": count, "sentences": story.stats.sentences_in, "merged": story.stats.sentences_out,
            "total": total, "peak_mib": peak_mib, **{k: clock.seconds.get(k, 0.0) for k in STAGES}}


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux /proc)."""
    found, index = [pid], 0
    while index < len(found):
        task_dir = Path(f"/proc/{found[index]}/task")
        try:
            for task in task_dir.iterdir():
                found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass  # it has just ended
        index += 1
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(count: int) -> dict:
    """``run_one`` in a fresh process, with the peak PSS of its process tree sampled outside."""
    process = subprocess.Popen([sys.executable, __file__, "--one", str(count)], stdout=subprocess.PIPE, text=True)
    peak_kib = 0
    while process.poll() is None:
        peak_kib = max(peak_kib, sum(_pss_kib(pid) for pid in _tree(process.pid)))
        time.sleep(0.1)
    out, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"scale.py --one {count} failed")
    return {**json.loads(out), "all_mib": peak_kib / 1024}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [5, 100, 1000, 10000]
    header = f"{'articles':>8} {'sentences':>9} {'merged':>7} " + " ".join(f"{s:>10}" for s in STAGES) + f" {'total s':>8} {'peak MiB':>8} {'all MiB':>8} {'s/article':>9}"
    print(header)
    print("-" * len(header))
    rows = []
    for size in sizes:
        row = run_measured(size)
        rows.append(row)
        print(f"{row['articles']:>8} {row['sentences']:>9} {row['merged']:>7} " + " ".join(f"{row[s]:>10.3f}" for s in STAGES)
              + f" {row['total']:>8.2f} {row['peak_mib']:>8.0f} {row['all_mib']:>8.0f} {row['total'] / row['articles']:>9.4f}", flush=True)
    print()
    print(markdown_table(rows))


def markdown_table(rows: list[dict]) -> str:
    """The rows as the README's table: load and clean together, "information" for meaning."""
    lines = [
        "| articles | sentences | load+clean | segment | information | same wording | merge | total | peak | all |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        stages = (row["load"] + row["clean"], row["segment"], row["meaning"], row["wording"], row["merge"], row["total"])
        lines.append(
            f"| {row['articles']:,} | {row['sentences']:,} | " + " | ".join(f"{value:.2f} s" for value in stages)
            + f" | {row['peak_mib']:,.0f} MiB | {row['all_mib']:,.0f} MiB |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
