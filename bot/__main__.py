"""``python -m bot`` is the ``tradebot`` command."""

from bot.cli import main

raise SystemExit(main())
