"""Stand-ins for Slack in tests: a fake Web API server and builders of signed requests."""
