"""``python -m campaign.matching INPUT.csv``: the dedupe command without the app."""

from .cli import dedupe_command

if __name__ == "__main__":
    dedupe_command(prog_name="python -m campaign.matching")
