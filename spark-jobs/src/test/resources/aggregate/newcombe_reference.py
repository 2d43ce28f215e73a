#!/usr/bin/env python3
"""Reference 95% Newcombe intervals for NewcombeIntervalTest: the difference of two independent binomial
proportions p2 − p1 (p1 = k1/n1, p2 = k2/n2) by Newcombe's hybrid score method (method 10 of R. G. Newcombe,
"Interval estimation for the difference between independent proportions: comparison of eleven methods",
Statistics in Medicine 17, 873–890, 1998), written here from the paper, independently of the Java code:

    (l_i, u_i) = the Wilson score interval of k_i/n_i, z = Φ⁻¹(0.975) (scipy.stats.norm.ppf)
    lower = (p2 − p1) − √((p2 − l2)² + (u1 − p1)²)
    upper = (p2 − p1) + √((u2 − p2)² + (p1 − l1)²)

The Wilson bounds come from the closed form and are checked against SciPy's own Wilson interval
(scipy.stats.binomtest(k, n).proportion_ci(method="wilson")); the paper's worked examples (its Table II, method 10,
given there for p1 − p2 to four decimals) are checked too. statsmodels is not used.

Regenerate with:  python3 newcombe_reference.py > newcombe.csv
"""
import math

import scipy
from scipy.stats import binomtest, norm

Z = norm.ppf(0.975)

# (k1, n1, k2, n2): Newcombe's examples, the degenerate corners (0/n, n/n, n = 1), equal and opposite counts, cells
# of the size a sweep has (80, 100 runs) and a large one.
CASES = [(48, 80, 56, 70), (3, 10, 9, 10), (2, 7, 6, 7), (0, 29, 5, 56), (0, 20, 0, 10), (0, 10, 0, 10),
         (0, 20, 10, 10), (0, 10, 10, 10), (0, 1, 1, 1), (1, 1, 0, 1), (0, 1, 0, 1), (44, 100, 32, 100),
         (20, 100, 8, 100), (4, 100, 1, 100), (33, 80, 16, 80), (8, 79, 4, 80), (0, 80, 0, 80), (80, 80, 0, 80),
         (5, 80, 5, 80), (1, 1000, 12, 1000), (12345, 100000, 12000, 100000), (7, 13, 2, 3)]

# Newcombe 1998, Table II, method 10, for p1 − p2 with (k1, n1, k2, n2) in the paper's order: (lower, upper).
PAPER = {(56, 70, 48, 80): (0.0524, 0.3339), (9, 10, 3, 10): (0.1705, 0.8090), (6, 7, 2, 7): (0.0582, 0.8062),
         (5, 56, 0, 29): (-0.0381, 0.1926), (0, 10, 0, 20): (-0.1611, 0.2775), (0, 10, 0, 10): (-0.2775, 0.2775),
         (10, 10, 0, 20): (0.6791, 1.0000), (10, 10, 0, 10): (0.6075, 1.0000)}


def wilson(k, n):
    p = k / n
    denominator = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denominator
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denominator
    lo = 0.0 if k == 0 else max(0.0, centre - half)
    hi = 1.0 if k == n else min(1.0, centre + half)
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    assert abs(lo - ci.low) < 1e-12 and abs(hi - ci.high) < 1e-12, (k, n, lo, hi, ci)
    return lo, hi


def newcombe(k1, n1, k2, n2):
    """The interval of p2 − p1, clipped to [−1, 1]."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    diff = p2 - p1
    lower = diff - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    upper = diff + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return max(-1.0, lower), min(1.0, upper)


for (k1, n1, k2, n2), (lower, upper) in PAPER.items():
    # The paper's p1 − p2 is our p2 − p1 with the samples swapped.
    got = newcombe(k2, n2, k1, n1)
    assert abs(got[0] - lower) <= 5e-5 and abs(got[1] - upper) <= 5e-5, ((k1, n1, k2, n2), got, (lower, upper))

print(f"# scipy {scipy.__version__}, z = norm.ppf(0.975) = {float(Z)!r}: k1,n1,k2,n2,diff,lo,hi"
      " (95% Newcombe hybrid score interval of k2/n2 - k1/n1)")
print("k1,n1,k2,n2,diff,lo,hi")
for k1, n1, k2, n2 in CASES:
    lo, hi = newcombe(k1, n1, k2, n2)
    print(f"{k1},{n1},{k2},{n2},{k2 / n2 - k1 / n1!r},{lo!r},{hi!r}")
