"""``tradebot run``: placeholder until its issue lands (replaced, not kept)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def main(args: argparse.Namespace) -> int:
    print("not yet implemented")
    return 1
