"""Entry point of ``python -m data``; see :mod:`data.cli`."""
import sys

from .cli import main

sys.exit(main())
