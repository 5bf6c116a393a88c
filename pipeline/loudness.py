"""Broadcast loudness: integrated loudness to a target, true peak under a ceiling.

Gain alone cannot reach -16 LUFS with eSpeak's peaky output without clipping,
so a look-ahead peak limiter holds the true peak (measured 4x oversampled, as
ITU-R BS.1770 does) under the ceiling. Its gain moves smoothly over tens of
milliseconds, which keeps speech free of the distortion a per-sample clipper
would add, and never rises above what the loudest peak nearby allows.
"""
from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

OVERSAMPLE = 4
LOOKAHEAD_S = 0.02


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """LUFS of float samples in [-1, 1] (-inf for silence or audio shorter than a block)."""
    if samples.size < rate * 0.4:
        return float("-inf")
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples))


def true_peak_db(samples: np.ndarray) -> float:
    """dBTP: the highest peak between samples too, from 4x oversampling."""
    if samples.size == 0:
        return float("-inf")
    peak = np.abs(resample_poly(samples, OVERSAMPLE, 1)).max()
    return float(20 * np.log10(peak)) if peak > 0 else float("-inf")


def normalise(samples: np.ndarray, rate: int, target_lufs: float, ceiling_dbtp: float) -> np.ndarray:
    """Float samples at ``target_lufs`` with true peaks at or below ``ceiling_dbtp``."""
    loudness = integrated_loudness(samples, rate)
    if not np.isfinite(loudness):
        return samples
    out = samples
    # Limiting lowers loudness a little: measure again and correct, a few times.
    for _ in range(4):
        out = _limit(samples * 10 ** ((target_lufs - loudness) / 20), rate, ceiling_dbtp)
        measured = integrated_loudness(out, rate)
        if abs(measured - target_lufs) < 0.2:
            break
        target_lufs += target_lufs - measured
    return out


def _limit(samples: np.ndarray, rate: int, ceiling_dbtp: float) -> np.ndarray:
    ceiling = 10 ** (ceiling_dbtp / 20)
    over = np.abs(resample_poly(samples, OVERSAMPLE, 1))[: samples.size * OVERSAMPLE]
    envelope = over.reshape(-1, OVERSAMPLE).max(axis=1)
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-9))
    if needed.min() >= 1.0:
        return samples
    window = max(1, int(rate * LOOKAHEAD_S))
    # The minimum over 2 windows, then the mean over one: every sample's gain is at most
    # what every peak within half a window of it needs, and it changes smoothly.
    gain = uniform_filter1d(minimum_filter1d(needed, 2 * window + 1), window + 1)
    return samples * np.minimum(gain, needed)
