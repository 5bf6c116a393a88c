"""The speed floor: eSpeak NG called directly, then LAME, on the given text; no newscast.

    python benchmarks/floor.py TEXT_FILE --rate WPM [--quality Q]

Prints one JSON line: audio seconds, synthesis seconds, encoding seconds (wall
and CPU). Run it in its own process: eSpeak allows one engine per process.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
import time
from pathlib import Path

import espeakng_loader
import lameenc

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
ESPEAK_RATE = 1
SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path)
    parser.add_argument("--quality", type=int, default=3, help="LAME quality (3 is LAME's own default)")
    parser.add_argument("--rate", type=int, required=True, help="words a minute, as newscast speaks")
    args = parser.parse_args()
    lines = [line for line in args.text.read_text(encoding="utf-8").splitlines() if line.strip()]

    espeak = ctypes.CDLL(espeakng_loader.get_library_path())
    data = espeakng_loader.get_data_path().encode()
    sample_rate = espeak.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, ctypes.c_char_p(data), 0)
    espeak.espeak_SetVoiceByName(b"gmw/en")
    espeak.espeak_SetParameter(ESPEAK_RATE, args.rate, 0)
    chunks: list[bytes] = []

    @SynthCallback
    def collect(wav, count, _events):
        if count > 0:
            chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    espeak.espeak_SetSynthCallback(collect)
    cpu, wall = time.process_time(), time.perf_counter()
    for line in lines:
        text = line.encode("utf-8") + b"\0"
        espeak.espeak_Synth(ctypes.c_char_p(text), len(text), 0, 1, 0, ESPEAK_CHARS_UTF8, None, None)
    synth_cpu, synth_wall = time.process_time() - cpu, time.perf_counter() - wall
    pcm = b"".join(chunks)
    cpu, wall = time.process_time(), time.perf_counter()
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(args.quality)
    encoder.encode(pcm)
    encoder.flush()
    encode_cpu, encode_wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({
        "audio_s": len(pcm) / 2 / sample_rate, "synth_wall": synth_wall, "synth_cpu": synth_cpu,
        "encode_wall": encode_wall, "encode_cpu": encode_cpu, "quality": args.quality, "pid": os.getpid(),
    }))


if __name__ == "__main__":
    sys.exit(main())
