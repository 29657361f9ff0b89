import argparse
from collections.abc import Sequence
from typing import Optional

__all__ = ["main"]

PROG: str
EXIT_OK: int
EXIT_ERROR: int
FORMATS: tuple[str, ...]

def build_parser() -> argparse.ArgumentParser: ...
def main(argv: Optional[Sequence[str]] = None) -> int: ...
