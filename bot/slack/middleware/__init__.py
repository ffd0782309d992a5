"""Global Bolt middleware that hardens the app: each Slack event handled once, oversized messages answered
politely without a search, and response-URL posts with the bot's timeout and safe retries.

``chain.hardening_middleware(store)`` gives them in order, for ``create_app(middleware=...)``. Bolt runs global
middleware after its own (signature check, ``ssl_check``, ``url_verification``, authorization, ignoring the
bot's own events), so nothing here sees a request that is not from Slack.
"""
