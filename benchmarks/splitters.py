"""Sentence splitters compared: accuracy on cases written for this benchmark, and speed.

Usage: python benchmarks/splitters.py

Each case is a paragraph and the sentences a careful reader would cut it into: English
abbreviations, initials, times, figures and quotations, and other scripts (Chinese and Japanese
full stops, Hindi danda, Arabic and Spanish question marks). A splitter scores a case when it
returns exactly those sentences. Speed: the time to split 200,000 sentences of news text (the
article bodies in benchmarks/data, repeated), as the engine does in the 10,000-article benchmark.
Candidates that are not installed are skipped (pip install pysbd syntok to try them). digest
splits with sentencex since this comparison; its hand-written regex, compared in the same run
before it went, got 14 of the 22 cases right at 218,000 sentences/s (sentencex: 21, 910,000/s;
pysbd 19, 2,900/s; syntok 16, 14,000/s).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

CASES: list[tuple[str, list[str]]] = [
    ("Crews arrived at 9 a.m. They left at noon.", ["Crews arrived at 9 a.m.", "They left at noon."]),
    ("It happened at 5:30 p.m. ET on Friday.", ["It happened at 5:30 p.m. ET on Friday."]),
    ("The deal closed in Jan. Then prices rose.", ["The deal closed in Jan.", "Then prices rose."]),
    ("Mr. Smith met Dr. Jones in the U.S. on Monday.", ["Mr. Smith met Dr. Jones in the U.S. on Monday."]),
    ("Maj. Gen. Ana Ruiz was promoted. The army confirmed it.", ["Maj. Gen. Ana Ruiz was promoted.", "The army confirmed it."]),
    ('"We will rebuild," the mayor said. "Every house."', ['"We will rebuild," the mayor said.', '"Every house."']),
    ("“We will rebuild.” The mayor left.", ["“We will rebuild.”", "The mayor left."]),
    ("He was born in Nashville, Tenn. on April 22, 1923.", ["He was born in Nashville, Tenn. on April 22, 1923."]),
    ("The company earned $4.5 billion. Shares rose 3.2%.", ["The company earned $4.5 billion.", "Shares rose 3.2%."]),
    ("Why now? Nobody answered!", ["Why now?", "Nobody answered!"]),
    ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
    ("The U.S. Embassy was attacked. The U.S. responded.", ["The U.S. Embassy was attacked.", "The U.S. responded."]),
    ("The strike ended... Workers returned Monday.", ["The strike ended...", "Workers returned Monday."]),
    ("Sen. Maria Lopez (D-Calif.) voted no. The bill failed.", ["Sen. Maria Lopez (D-Calif.) voted no.", "The bill failed."]),
    ("Revenue hit No. 1 in Europe. Profit fell.", ["Revenue hit No. 1 in Europe.", "Profit fell."]),
    ("他说今天很好。我们明天去北京！你呢？", ["他说今天很好。", "我们明天去北京！", "你呢？"]),
    ("今日は晴れです。明日は雨でしょう！", ["今日は晴れです。", "明日は雨でしょう！"]),
    ("वह आया। सब खुश थे।", ["वह आया।", "सब खुश थे।"]),
    ("¿Qué pasó? Nadie sabe.", ["¿Qué pasó?", "Nadie sabe."]),
    ("وصل الرئيس. بدأ الاجتماع؟ نعم.", ["وصل الرئيس.", "بدأ الاجتماع؟", "نعم."]),
    ("Цены выросли. Рынок упал.", ["Цены выросли.", "Рынок упал."]),
    ("Der Preis stieg. Die Börse fiel.", ["Der Preis stieg.", "Die Börse fiel."]),
]


def digest_splitter() -> Callable[[str], list[str]]:
    from digest.engine.segment import split_sentences

    return split_sentences


def pysbd_splitter() -> Callable[[str], list[str]]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def syntok_splitter() -> Callable[[str], list[str]]:
    from syntok import segmenter

    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                out.append("".join(t.spacing + t.value for t in sentence).strip())
        return out

    return split


def news_paragraphs() -> list[str]:
    bodies = json.loads((HERE / "data" / "article-bodies.json").read_text(encoding="utf-8"))
    return [p for entry in bodies.values() for p in entry["articleBody"].split("\n") if p.strip()]


def main() -> None:
    candidates = {
        "digest (sentencex)": digest_splitter,
        "pysbd": pysbd_splitter,
        "syntok": syntok_splitter,
    }
    paragraphs = news_paragraphs()
    base = sum(len(digest_splitter()(p)) for p in paragraphs)
    repeat = max(1, round(200_000 / base))
    print(f"{len(CASES)} written cases; speed on {base * repeat:,} sentences of news text ({len(paragraphs)} paragraphs x {repeat})\n")
    print("| splitter | cases right | seconds | sentences/s |")
    print("|---|---|---|---|")
    for name, make in candidates.items():
        try:
            split = make()
        except ImportError:
            print(f"| {name} | not installed | | |")
            continue
        right = sum(split(text) == expected for text, expected in CASES)
        started = time.perf_counter()
        count = 0
        for _ in range(repeat):
            for paragraph in paragraphs:
                count += len(split(paragraph))
        seconds = time.perf_counter() - started
        print(f"| {name} | {right}/{len(CASES)} | {seconds:.2f} | {count / seconds:,.0f} |", flush=True)
    for name, make in candidates.items():
        try:
            split = make()
        except ImportError:
            continue
        wrong = [text for text, expected in CASES if split(text) != expected]
        print(f"\n{name} misses: " + " | ".join(wrong[:12]))


if __name__ == "__main__":
    main()
