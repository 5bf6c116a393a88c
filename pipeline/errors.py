"""One root exception; each subclass names the stage that failed.

The CLI turns any NewscastError into one line on stderr and an exit code;
OS and library errors are converted to these at the edge where they happen.
"""


class NewscastError(Exception):
    stage = "newscast"
    exit_code = 1

    def __str__(self) -> str:
        return f"{self.stage}: {super().__str__()}"


class InputError(NewscastError):
    """The input could not be read or decoded."""

    stage = "load"
    exit_code = 2


class ExtractionError(NewscastError):
    """The page holds no article that can be read aloud."""

    stage = "segment"
    exit_code = 3


class SpeechError(NewscastError):
    """The speech engine failed or produced no audio."""

    stage = "speak"
    exit_code = 4


class OutputError(NewscastError):
    """The edition could not be encoded or written."""

    stage = "export"
    exit_code = 5
