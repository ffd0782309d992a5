"""Turning engine replies into what people read: plain text (terminal, notifications) and Slack blocks."""
