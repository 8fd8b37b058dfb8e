"""Draws the program's icon: app.png (256×256) and app.ico (16, 24, 32, 48, 64, 128 and 256 px).

A red rounded square (the colour of official stamps) holding a white checklist sheet: three lines, each
ticked off with a green check mark. The 16 and 24 px frames are drawn simpler (one large white check mark),
since a sheet with three lines is only a blur at that size.

Run it again after changing the drawing (Pillow is needed; it comes with reportlab):

    .venv/bin/python resources/icons/make_icons.py

The files it writes are committed; the build only reads them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 4  # draw at 4× and shrink: smooth edges without an anti-aliasing API

RED = (183, 28, 28, 255)
RED_DARK = (136, 14, 14, 255)
WHITE = (255, 255, 255, 255)
GREEN = (46, 125, 50, 255)
GREY = (120, 120, 120, 255)


def _background(draw: ImageDraw.ImageDraw, side: float) -> None:
    margin = side * 0.03
    radius = side * 0.2
    draw.rounded_rectangle((margin, margin, side - margin, side - margin), radius=radius, fill=RED,
                           outline=RED_DARK, width=max(1, round(side * 0.015)))


def _tick(draw: ImageDraw.ImageDraw, x: float, y: float, size: float, colour: tuple[int, ...], width: float) -> None:
    """A check mark whose bounding box starts at (x, y) and is size wide."""
    points = [(x, y + size * 0.55), (x + size * 0.38, y + size * 0.9), (x + size, y + size * 0.1)]
    draw.line(points, fill=colour, width=max(1, round(width)), joint="curve")


def _full(side: int) -> Image.Image:
    """The detailed icon (32 px and up)."""
    big = side * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _background(draw, big)
    # the sheet
    left, top, right, bottom = big * 0.2, big * 0.14, big * 0.8, big * 0.86
    draw.rounded_rectangle((left, top, right, bottom), radius=big * 0.05, fill=WHITE)
    # three ticked lines
    rows = 3
    row_h = (bottom - top) / (rows + 0.6)
    for i in range(rows):
        y = top + row_h * (0.5 + i)
        box = row_h * 0.62
        bx = left + (right - left) * 0.1
        _tick(draw, bx, y + (row_h - box) / 2 - row_h * 0.05, box, GREEN, big * 0.045)
        lx = bx + box * 1.35
        ly = y + row_h / 2
        draw.rounded_rectangle((lx, ly - big * 0.022, right - (right - left) * 0.1, ly + big * 0.022),
                               radius=big * 0.022, fill=GREY)
    return image.resize((side, side), Image.Resampling.LANCZOS)


def _small(side: int) -> Image.Image:
    """The simple icon for 16 and 24 px: one white check mark on the red square."""
    big = side * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _background(draw, big)
    _tick(draw, big * 0.2, big * 0.22, big * 0.6, WHITE, big * 0.16)
    return image.resize((side, side), Image.Resampling.LANCZOS)


def frame(side: int) -> Image.Image:
    """The icon drawn for one pixel size."""
    return _small(side) if side <= 24 else _full(side)


def main() -> None:
    frames = [frame(s) for s in ICO_SIZES]
    largest = frames[-1]
    largest.save(HERE / "app.png", optimize=True)
    # Pillow writes one ICO entry per size in `sizes`, taking each from the appended image of that size.
    largest.save(HERE / "app.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    with Image.open(HERE / "app.ico") as ico:
        written = sorted(ico.info.get("sizes", set()))
    print(f"app.png 256×256, app.ico {', '.join(f'{w}' for w, _ in written)} px")


if __name__ == "__main__":
    main()
