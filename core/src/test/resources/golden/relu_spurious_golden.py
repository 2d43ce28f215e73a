#!/usr/bin/env python3
"""Golden values for org.overparam.problem.relu.SpuriousMinimumTest, computed independently of the Java code
with mpmath at 50 digits from the loss VALUE alone (no analytic derivatives):

    F(W) = 1/2 sum_{i,i'} g(w_i, w_i') - sum_{i,j} g(w_i, e_j) + 1/2 sum_{j,j'} g(e_j, e_j'),
    g(u, v) = |u||v| (sin t + (pi - t) cos t) / (2 pi),  t = angle(u, v)      (d = r = R = 6, V = I)

Start: the k = n = 6 spurious minimum of Safran & Shamir (ICML 2018) in the 10-digit form
    w_1 = a e_1 + b sum_{i>=2} e_i,   w_j = c e_1 + d e_j + e sum_{i>=2, i!=j} e_i   (j >= 2)
with a..e as below. Newton's method with the gradient and Hessian from central differences of F
(h = 1e-15, truncation ~h^2, rounding ~1e-50/h^2 = 1e-20) polishes it to a critical point whose gradient is
below 1e-18; the script prints F*, |grad F|, the Hessian's smallest eigenvalues and the polished a..e.
The values are hard-coded (with their tolerances) in SpuriousMinimumTest. Output of the last run:
    F(start)        = 0.025080581002463010426     |grad F|(start) = 1.5958e-10
    F*              = 0.025080581002463010419     |grad F|*       = 1.0e-35
    lambda_min      = 0.0047003547035874712978    (4-fold; next 0.0463775800639, 6-fold)
    lambda_max      = 2.0237338573161846341
    a b c d e       = -0.6015119235610937 0.2245158075994779 0.3080109914790687 0.9867038188885768
                      -0.05041340321680874        |x* - start| = 1.0e-10
Run with: python3 relu_spurious_golden.py   (about two minutes: 2,700 loss evaluations per Hessian)
"""
import mpmath as mp

mp.mp.dps = 50
N = 6
A, B, C, D, E = (mp.mpf(s) for s in ("-0.6015119236", "0.2245158076", "0.3080109915", "0.9867038189",
                                     "-0.0504134032"))


def g(u, v):
    nu = mp.sqrt(mp.fsum(a * a for a in u))
    nv = mp.sqrt(mp.fsum(a * a for a in v))
    if nu == 0 or nv == 0:
        return mp.mpf(0)
    c = mp.fsum(a * b for a, b in zip(u, v)) / (nu * nv)
    c = max(mp.mpf(-1), min(mp.mpf(1), c))
    t = mp.acos(c)
    return nu * nv * (mp.sin(t) + (mp.pi - t) * c) / (2 * mp.pi)


TEACHER = [[mp.mpf(1) if a == j else mp.mpf(0) for a in range(N)] for j in range(N)]
F0 = mp.fsum(g(u, v) for u in TEACHER for v in TEACHER) / 2


def loss(x):
    w = [x[N * k:N * k + N] for k in range(N)]
    s = mp.fsum(g(u, v) for u in w for v in w) / 2
    return s - mp.fsum(g(u, v) for u in w for v in TEACHER) + F0


def start():
    x = [mp.mpf(0)] * (N * N)
    x[0] = A
    for i in range(1, N):
        x[i] = B
    for j in range(1, N):
        x[N * j] = C
        for i in range(1, N):
            x[i + N * j] = D if i == j else E
    return x


H = mp.mpf("1e-15")


def shifted(x, steps):
    y = list(x)
    for i, s in steps:
        y[i] += s
    return y


def gradient(x):
    return [(loss(shifted(x, [(i, H)])) - loss(shifted(x, [(i, -H)]))) / (2 * H) for i in range(len(x))]


def hessian(x):
    n = len(x)
    m = mp.matrix(n, n)
    for i in range(n):
        for j in range(i, n):
            v = (loss(shifted(x, [(i, H), (j, H)])) - loss(shifted(x, [(i, H), (j, -H)]))
                 - loss(shifted(x, [(i, -H), (j, H)])) + loss(shifted(x, [(i, -H), (j, -H)]))) / (4 * H * H)
            m[i, j] = v
            m[j, i] = v
    return m


x = start()
print("F(start)       =", mp.nstr(loss(x), 20))
print("|grad F|(start) =", mp.nstr(mp.norm(mp.matrix(gradient(x))), 5))
for it in range(3):
    gr = mp.matrix(gradient(x))
    hm = hessian(x)
    step = mp.lu_solve(hm, gr)
    x = [x[i] - step[i] for i in range(len(x))]
    print("newton", it, "|grad F| before =", mp.nstr(mp.norm(gr), 5))
gr = mp.matrix(gradient(x))
hm = hessian(x)
ev = sorted(mp.eigsy(hm, eigvals_only=True))
print("F*             =", mp.nstr(loss(x), 20))
print("|grad F|*      =", mp.nstr(mp.norm(gr), 5))
print("lambda_min     =", mp.nstr(ev[0], 20))
print("smallest 6     =", [mp.nstr(e, 12) for e in ev[:6]])
print("lambda_max     =", mp.nstr(ev[-1], 20))
print("a b c d e      =", [mp.nstr(v, 16) for v in (x[0], x[1], x[N], x[N + 1], x[N + 2])])
print("|x* - start|   =", mp.nstr(mp.norm(mp.matrix([x[i] - s for i, s in enumerate(start())])), 5))
