#!/usr/bin/env python3
"""Writes a deterministic synthetic help center: N guides of 400 to 1,500 words in 20
categories, with headings, lists, emphasis and links between guides, and an FAQ of N/10
questions. The same seed always gives the same bytes, so runs can be compared.

    Benchmarks/make-corpus.py 1000 /tmp/corpus-1000
"""
import os
import random
import sys

WORDS = ("account access address alert answer app backup balance bind browser card change check "
         "code confirm contact copy device digit email enable enter error exchange factor file "
         "find fix help history identity inbox key link lock login lost message method migrate "
         "mobile move network new notice number old open option order password phone policy "
         "profile protect recover region register reset review safe scan screen secure security "
         "send session settings setup sign sim step support switch tap text token trade transfer "
         "trust two update verify wallet warning withdraw café überprüfen señal naïve").split()
CATEGORIES = [f"Topic {i:02d}" for i in range(20)]


def sentence(rng, low=6, high=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**" if rng.random() < 0.5 else f"*{words[i]}*"
    return " ".join(words).capitalize() + "."


def guide(rng, index, count):
    target = rng.randint(400, 1500)
    lines, words, section = [], 0, 0
    lines.append(f"# Guide {index}: {' '.join(rng.choice(WORDS) for _ in range(4))}\n")
    while words < target:
        section += 1
        lines.append(f"## Step {section}: {' '.join(rng.choice(WORDS) for _ in range(3))}\n")
        for _ in range(rng.randint(1, 3)):
            paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
            words += len(paragraph.split())
            lines.append(paragraph + "\n")
        if rng.random() < 0.5:
            items = [sentence(rng, 4, 9) for _ in range(rng.randint(3, 6))]
            words += sum(len(item.split()) for item in items)
            marker = "1." if rng.random() < 0.5 else "-"
            lines.append("\n".join(f"{marker} {item}" for item in items) + "\n")
        if rng.random() < 0.6:
            other = rng.randrange(count)
            folder = CATEGORIES[other % len(CATEGORIES)]
            lines.append(f"See [guide {other}](<../{folder}/guide-{other}.md>) for more.\n")
    return "\n".join(lines)


def main():
    count, root = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261127)
    for category in CATEGORIES:
        os.makedirs(os.path.join(root, category), exist_ok=True)
    for index in range(count):
        category = CATEGORIES[index % len(CATEGORIES)]
        tags = sorted(set(rng.choice(WORDS[:40]) for _ in range(3)))
        front = (f"---\ntitle: \"Guide {index}\"\nsummary: \"{sentence(rng, 8, 14)}\"\n"
                 f"order: {index}\ntags: [{', '.join(tags)}]\n---\n\n")
        with open(os.path.join(root, category, f"guide-{index}.md"), "w", encoding="utf-8") as out:
            out.write(front + guide(rng, index, count))
    with open(os.path.join(root, "faq.md"), "w", encoding="utf-8") as out:
        out.write("---\ntitle: Frequently asked questions\nlayout: faq\n---\n\n")
        for index in range(max(1, count // 10)):
            out.write(f"## Question {index}: {sentence(rng, 5, 9)[:-1]}?\n\n")
            out.write(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + "\n\n")
    with open(os.path.join(root, "site.yml"), "w", encoding="utf-8") as out:
        out.write("title: Synthetic Help Center\nbaseURL: https://help.example.com/\n")


if __name__ == "__main__":
    main()
