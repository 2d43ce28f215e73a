#!/usr/bin/env python3
"""Reference Wilson score intervals for WilsonIntervalTest, from SciPy (an implementation independent of
ours): scipy.stats.binomtest(k, n).proportion_ci(confidence_level=c, method="wilson"), at 95% for every case and
at 80%, 90% and 99% (the confidence `refine --confidence` takes) for a few.

Regenerate with:  python3 wilson_reference.py > wilson.csv
"""
import scipy
from scipy.stats import binomtest

CASES = [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (1, 20), (41, 100), (15, 100), (0, 72), (0, 73),
         (5, 50), (500, 1000), (1, 1000), (999, 1000), (7, 13), (2, 3), (0, 100000), (12345, 100000)]

LEVELS = [0.8, 0.9, 0.99]
OTHER_CASES = [(0, 10), (3, 10), (0, 73), (41, 100), (1, 1000)]

print(f"# scipy {scipy.__version__}: k,n,confidence,lo,hi (Wilson score interval)")
print("k,n,confidence,lo,hi")
for confidence, cases in [(0.95, CASES)] + [(c, OTHER_CASES) for c in LEVELS]:
    for k, n in cases:
        ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
        print(f"{k},{n},{confidence},{float(ci.low)!r},{float(ci.high)!r}")
