"""Conversations in Slack: each thread (and each direct-message channel) remembers its last question in the store."""
