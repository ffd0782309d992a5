"""The answer engine: from a message as typed in Slack to ranked indicators, or a clear decline.

Knows nothing of Slack: ``Engine(kb).ask(text)`` returns a ``Reply`` that ``bot.render`` turns into
Block Kit, plain text or terminal output.
"""
