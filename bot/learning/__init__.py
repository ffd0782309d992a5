"""Learning from use, without Slack: feedback on answers, the question log, the curator's report, and the
suggested prompts drawn from what people ask (docs/learning.md)."""
