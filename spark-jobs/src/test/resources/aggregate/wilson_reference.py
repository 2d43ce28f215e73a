#!/usr/bin/env python3
"""Reference 95% Wilson score intervals for WilsonIntervalTest, from SciPy (an implementation independent of
ours): scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson").

Regenerate with:  python3 wilson_reference.py > wilson.csv
"""
import scipy
from scipy.stats import binomtest

CASES = [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (1, 20), (41, 100), (15, 100), (0, 72), (0, 73),
         (5, 50), (500, 1000), (1, 1000), (999, 1000), (7, 13), (2, 3), (0, 100000), (12345, 100000)]

print(f"# scipy {scipy.__version__}: k,n,lo,hi (95% Wilson score interval)")
print("k,n,lo,hi")
for k, n in CASES:
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    print(f"{k},{n},{float(ci.low)!r},{float(ci.high)!r}")
