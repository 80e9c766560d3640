"""Generation: compose press releases and reports from figures data (issue 3)."""
