"""Subcommands of the ``tradebot`` command, one module each (see ``bot.cli.COMMANDS``)."""
