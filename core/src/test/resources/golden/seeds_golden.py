#!/usr/bin/env python3
"""Independent implementation of org.overparam.random.Seeds.hash (SplitMix64 over UTF-8 words).
Writes seeds_golden.txt: one 'seed<TAB>text<TAB>hash' line per case, hash as a signed 64-bit decimal."""
M = (1 << 64) - 1
GAMMA = 0x9e3779b97f4a7c15


def mix64(z):
    z &= M
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
    return z ^ (z >> 31)


def hash_(seed, text):
    data = text.encode('utf-8')
    state = mix64(seed + GAMMA)
    for i in range(0, len(data), 8):
        word = 0
        for b in data[i:i + 8]:
            word = ((word << 8) | b) & M
        state = mix64(state + GAMMA + word)
    return mix64(state + GAMMA + len(data))


def signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


cases = [(0, ''), (1, 'a'), (20261122, 'quadratic-network|rank-one|d=8|r=1|n=12|rep=0'),
         (-5, 'R=4|alpha=0.001'), (123456789, 'ünïcode ✓ text longer than sixteen bytes')]
with open('seeds_golden.txt', 'w', encoding='utf-8') as f:
    for seed, text in cases:
        f.write(f"{seed}\t{text}\t{signed(hash_(seed & M, text))}\n")
