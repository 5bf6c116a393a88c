"""loudness: our block meter agrees with pyloudnorm, finds peaks between samples, and the limiter holds them."""
import numpy as np
import pyloudnorm
import pytest

from pipeline.loudness import (
    BLOCK, CHUNK, OVERSAMPLE, TRUE_PEAK_TAPS, ArrayAudio, _PHASES, _moving_max, _moving_mean, gained, integrated_loudness, limiter_gain,
    measure, true_peak_db,
)

RATE = 22050


def speechlike(seconds, seed=0):
    """Noise shaped into syllables with pauses: bursts at 4 Hz, silent gaps every few seconds."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) * (np.sin(2 * np.pi * 0.3 * t) > -0.5)
    return (rng.standard_normal(t.size) * 0.1 * envelope).astype(np.float32)


@pytest.mark.parametrize("seconds", [3, 20])
def test_meter_agrees_with_pyloudnorm(seconds):
    x = speechlike(seconds)
    assert abs(integrated_loudness(x, RATE) - pyloudnorm.Meter(RATE).integrated_loudness(x.astype(np.float64))) < 0.05


@pytest.mark.parametrize("rate", [16000, 22050, 48000])
def test_k_weighted_energy_matches_pyloudnorms_filters_across_chunk_joins(rate):
    """The FFT K-weighting gives, block by block, what pyloudnorm's own IIR filters give, ringing and all."""
    from scipy.signal import lfilter  # pyloudnorm's dependency: the reference only

    x = speechlike(3.5 * CHUNK / RATE, seed=rate)
    x[CHUNK - 40 : CHUNK] = 0.8  # a step just before a chunk join: its ringing crosses into the next chunk
    weighted = x.astype(np.float64)
    for stage in pyloudnorm.Meter(rate)._filters.values():
        weighted = lfilter(stage.b, stage.a, weighted)
    padded = np.pad(weighted**2, (0, -x.size % BLOCK))
    expected = padded.reshape(-1, BLOCK).sum(axis=1)
    assert measure(x, rate).energy == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("rate", [16000, 48000])
def test_meter_agrees_with_pyloudnorm_at_other_rates(rate):
    x = speechlike(40, seed=3)  # long enough that pyloudnorm's count of gating blocks matches ours
    assert abs(integrated_loudness(x, rate) - pyloudnorm.Meter(rate).integrated_loudness(x.astype(np.float64))) < 0.05


def test_true_peak_filter_is_scipys_windowed_sinc():
    from scipy.signal import firwin

    expected = (firwin(TRUE_PEAK_TAPS, 1 / OVERSAMPLE) * OVERSAMPLE).astype(np.float32).reshape(-1, OVERSAMPLE).T
    assert np.array_equal(_PHASES, expected)


@pytest.mark.parametrize("window", [1, 4, 13])
def test_limiter_smoothing_is_a_moving_minimum_of_the_gain_needed_then_a_moving_mean(window):
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    peak = (np.random.default_rng(window).random(500) * 2).astype(np.float32)
    needed = np.minimum(1.0, 0.8 / np.maximum(peak * 1.7, 1e-12))
    lowest = minimum_filter1d(needed, 2 * window + 1)
    from_peaks = np.minimum(1.0, 0.8 / np.maximum(_moving_max(peak, window) * 1.7, 1e-12))
    assert np.array_equal(from_peaks, lowest)  # exactly: the gain needed falls as the peak rises
    expected = uniform_filter1d(lowest.astype(np.float64), window + 1)
    assert _moving_mean(from_peaks.astype(np.float64), window) == pytest.approx(expected, abs=1e-12)


def test_16_bit_and_float_input_measure_the_same():
    x = speechlike(5)
    as_int = np.round(x * 32768).astype(np.int16)
    assert abs(integrated_loudness(as_int, RATE) - integrated_loudness(x, RATE)) < 0.01


def test_silence_and_short_audio_have_no_loudness():
    assert integrated_loudness(np.zeros(RATE, dtype=np.float32), RATE) == float("-inf")
    assert integrated_loudness(speechlike(0.2), RATE) == float("-inf")
    assert true_peak_db(np.zeros(0, dtype=np.float32)) == float("-inf")


def test_true_peak_finds_the_peak_between_samples_even_across_a_chunk_join():
    # A quarter-rate sine sampled 45 degrees off its crests: every sample is at 0.707, the wave reaches 1.0.
    n = np.arange(CHUNK - 200, CHUNK + 200)
    x = np.zeros(CHUNK + 1000, dtype=np.float32)
    x[n] = np.sin(np.pi / 2 * n + np.pi / 4)
    assert 20 * np.log10(np.abs(x).max()) == pytest.approx(-3.01, abs=0.01)
    assert true_peak_db(x) == pytest.approx(0.0, abs=0.3)


def normalised(samples):
    return np.concatenate(list(gained(ArrayAudio(samples), limiter_gain(measure(samples, RATE), -16.0, -2.0))))


def test_limiter_reaches_the_target_and_holds_the_ceiling():
    x = speechlike(30)
    x[RATE * 10 : RATE * 10 + 50] = 0.9  # a click far above the speech
    out = normalised(np.round(x * 32767).astype(np.int16)) / 32768.0
    assert pyloudnorm.Meter(RATE).integrated_loudness(out) == pytest.approx(-16.0, abs=0.3)
    assert true_peak_db(out) <= -1.9


def test_gain_changes_smoothly():
    before = np.round(speechlike(10) * 32767).astype(np.int16)
    samples = normalised(before)
    before = before.astype(np.float64)
    loud = np.abs(before) > 2000
    ratio = samples[loud] / before[loud]
    # neighbouring loud samples get nearly the same gain: no per-sample clipping
    assert np.abs(np.diff(ratio)).max() < 0.05
