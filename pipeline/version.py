__version__ = "0.1.0"


def package_version(name: str) -> str:
    """An installed package's version, "-" when it is not installed: part of what keys cached audio."""
    from importlib import metadata  # slow to import (email, zipfile): only when something is keyed

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
