"""tradebot: answers questions about China's 2025 foreign-trade figures, with speaker and exact quote."""
