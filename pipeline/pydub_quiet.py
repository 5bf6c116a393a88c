"""pydub, imported without its warnings.

pydub warns at import when ffmpeg is missing and, on Python 3.12, that audioop
is deprecated. newscast uses only pydub's in-memory operations and encodes MP3
itself, so neither applies.
"""
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from pydub import AudioSegment

__all__ = ["AudioSegment"]
