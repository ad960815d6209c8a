"""Allow ``python -m newslint``."""

from newslint.entry import main

raise SystemExit(main())
