"""``python -m seqlab.fonts``: rebuild the font subsets (needs Debian's fonts-noto-cjk)."""
from . import build

for path in build():
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
