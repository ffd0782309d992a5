"""Scheduled digests without Slack: reading schedules, finding due slots, claiming them in the store, and handing
each digest to a publisher (``publisher.DigestPublisher``; on Slack, ``bot.slack.digest_poster``).

See ``docs/digests.md``. Entry points: ``prepare.prepare_scheduling`` once before serving,
``scheduler_thread.start_scheduler`` in each serving process (``bot.slack.runtime`` wires it),
``scheduler.Scheduler.tick`` for tests and tools, ``manage`` for the ``/trade`` subcommands.
"""
