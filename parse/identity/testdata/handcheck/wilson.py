"""wilson.py: the 95% Wilson score interval of the hand checks' rates,
shared by rates.py, ../handcheck2/rates2.py and ../handcheck3/rates3.py."""
import math


def wilson(k, n, z=1.959964):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))
