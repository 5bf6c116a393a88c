"""Broadcast loudness: integrated loudness to a target, true peak under a ceiling.

Gain alone cannot reach -16 LUFS with eSpeak's peaky output without clipping,
so a look-ahead peak limiter holds the true peak (measured 4x oversampled
with a 48-tap filter, as ITU-R BS.1770 describes) under the ceiling. Its gain
moves smoothly over tens of milliseconds, which keeps speech free of the
distortion a per-sample clipper would add.

The loudness meter is BS.1770's (K-weighting from pyloudnorm's filters, 400 ms
blocks, 75% overlap, absolute and relative gates), computed from cumulative
sums so a whole edition is measured in one pass; the limiter's slow gain is
applied to the K-weighted power directly, so correcting for what limiting
took away costs no second filtering.
"""
from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, lfilter

OVERSAMPLE = 4
TRUE_PEAK_TAPS = 48
LOOKAHEAD_S = 0.02
BLOCK = 32  # samples per step of the limiter's gain curve
BLOCK_S, STEP_S = 0.4, 0.1
ABSOLUTE_GATE, RELATIVE_GATE = -70.0, -10.0


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """LUFS of float samples in [-1, 1] (-inf for silence or audio shorter than a block)."""
    return _gated_loudness(_k_weighted_power(samples, rate), rate)


def true_peak_db(samples: np.ndarray) -> float:
    """dBTP: the highest peak between samples too, from 4x oversampling."""
    if samples.size == 0:
        return float("-inf")
    peak = _true_peak_envelope(samples).max()
    return float(20 * np.log10(peak)) if peak > 0 else float("-inf")


def normalise(samples: np.ndarray, rate: int, target_lufs: float, ceiling_dbtp: float) -> np.ndarray:
    """Float samples at ``target_lufs`` with true peaks at or below ``ceiling_dbtp``.

    The gain is searched at the limiter's coarse rate (blocks of BLOCK samples),
    measuring loudness from block powers; the final curve is then made exact
    per sample.
    """
    power = _k_weighted_power(samples, rate)
    loudness = _gated_loudness(power, rate)
    if not np.isfinite(loudness):
        return samples
    ceiling = 10 ** (ceiling_dbtp / 20)
    envelope = _true_peak_envelope(samples)
    count = -(-samples.size // BLOCK)
    block_peak = _blocks(envelope, count).max(axis=1)
    block_power = _blocks(power, count).sum(axis=1)
    window = max(1, int(rate * LOOKAHEAD_S / BLOCK))
    aim = target_lufs
    for _ in range(8):
        # Limiting lowers loudness a little: aim higher until the limited result lands on target.
        gain = 10 ** ((aim - loudness) / 20)
        curve = gain * _smoothed(np.minimum(1.0, ceiling / np.maximum(block_peak * gain, 1e-12)), window)
        measured = _gated_loudness(block_power * curve**2, rate / BLOCK, per_sample=False)
        if abs(measured - target_lufs) < 0.1:
            break
        aim += target_lufs - measured
    centres = np.arange(count) * BLOCK + BLOCK / 2
    per_sample = np.interp(np.arange(samples.size, dtype=np.float32), centres, curve).astype(samples.dtype)
    # Exact at every sample: never more gain than the true peak there allows.
    np.minimum(per_sample, ceiling / np.maximum(envelope, 1e-12), out=per_sample)
    return samples * per_sample


def _blocks(values: np.ndarray, count: int) -> np.ndarray:
    return np.pad(values, (0, count * BLOCK - values.size)).reshape(count, BLOCK)


def _smoothed(needed: np.ndarray, window: int) -> np.ndarray:
    """The minimum over two windows, then the mean over one: each gain is at most what every
    peak within half a window of it needs, and it changes smoothly (no distortion, no pumping)."""
    return uniform_filter1d(minimum_filter1d(needed, 2 * window + 1), window + 1)


def _true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per input sample, the largest magnitude of it and the 4x oversampled values around it.

    The oversampling filter's four phases are four short filters at the input
    rate, so no signal four times as long is ever built.
    """
    taps = (firwin(TRUE_PEAK_TAPS, 1.0 / OVERSAMPLE) * OVERSAMPLE).astype(samples.dtype)
    delay = (TRUE_PEAK_TAPS - 1) // (2 * OVERSAMPLE)
    envelope = np.abs(samples)
    for phase in range(OVERSAMPLE):
        filtered = np.convolve(samples, taps[phase::OVERSAMPLE])[delay : delay + samples.size]
        np.maximum(envelope, np.abs(filtered), out=envelope)
    return envelope


def _k_weighted_power(samples: np.ndarray, rate: int) -> np.ndarray:
    weighted = samples
    for stage in pyloudnorm.Meter(rate)._filters.values():
        weighted = lfilter(stage.b, stage.a, weighted)
    return np.square(weighted, dtype=np.float64)  # summed over minutes: kept in double precision


def _gated_loudness(power: np.ndarray, rate: float, per_sample: bool = True) -> float:
    """BS.1770 gated loudness from K-weighted power (per sample, or summed per coarse step)."""
    block, step = round(BLOCK_S * rate), max(1, round(STEP_S * rate))
    if power.size < block:
        return float("-inf")
    cumulative = np.concatenate(([0.0], np.cumsum(power)))
    starts = np.arange(0, power.size - block + 1, step)
    samples_per_block = block if per_sample else block * BLOCK
    z = (cumulative[starts + block] - cumulative[starts]) / samples_per_block
    with np.errstate(divide="ignore"):
        loud = -0.691 + 10 * np.log10(z)
    z = z[loud > ABSOLUTE_GATE]
    if z.size == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(z.mean()) + RELATIVE_GATE
    z = z[-0.691 + 10 * np.log10(z) > relative]
    return float(-0.691 + 10 * np.log10(z.mean()))
