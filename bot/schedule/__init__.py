"""Scheduled digests: reading schedules, finding due slots, claiming them in the store, posting to Slack.

See ``docs/scheduling.md``. Entry points: ``runtime.prepare_scheduling``/``start_scheduling`` for the bot process,
``scheduler.Scheduler.tick`` for tests and tools, ``manage`` for the ``/trade`` subcommands.
"""
