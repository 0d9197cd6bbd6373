#!/usr/bin/python3
"""Regenerate the illustrations for the "Building Healthy Garden Soil" example series.

Run with a Python that has Pillow (e.g. Debian's /usr/bin/python3 with python3-pil):

    /usr/bin/python3 examples/garden-soil/images/make_images.py

Everything is drawn from code with fixed random seeds, so the output is the same on every
run with the same Pillow/libjpeg/zlib. The files are written next to this script, named the
way WordPress names uploads and their resized copies ("name.jpg", "name-300x200.jpg").

Images (full size first, then the resized copies WordPress would have generated):
  garden-bed-cover.jpg     1200x800 JPEG  featured image of part 1 (photo-like, with grain)
  soil-jar-test.jpg         800x600 JPEG  settled jar test, inline in part 1
  soil-horizons.png         900x620 PNG   RGBA diagram with a transparent background, part 1
  compost-bin.gif           640x480 GIF   palette drawing of a slatted bin, part 2
  organic-matter-chart.png  800x500 PNG   RGB bar chart, part 2
  cover-crop-field.jpg     1000x600 JPEG  clover and rye in bloom, part 3
"""

import math
import os
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))

FONT_PATHS = {
    "regular": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}


def font(size, weight="regular"):
    try:
        return ImageFont.truetype(FONT_PATHS[weight], size)
    except OSError:
        return ImageFont.load_default()


def lerp(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(len(a)))


def vertical_gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    h = max(1, y1 - y0)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=lerp(top, bottom, (y - y0) / h))


def add_grain(img, rng, amount=10):
    """Photo-like sensor grain: a deterministic noise layer blended in."""
    noise = Image.new("L", img.size)
    px = noise.load()
    w, h = img.size
    for y in range(h):
        for x in range(w):
            px[x, y] = 128 + int(rng.gauss(0, amount))
    noise_rgb = Image.merge("RGB", (noise, noise, noise))
    return Image.blend(img, noise_rgb, 0.08)


def wavy_band(draw, width, y, amp, period, phase, fill, bottom):
    pts = [(0, bottom)]
    for x in range(0, width + 11, 10):
        pts.append((x, y + amp * math.sin(x / period + phase)))
    pts.append((width, bottom))
    draw.polygon(pts, fill=fill)


def speckle(draw, box, rng, n, colors, rmax=3):
    x0, y0, x1, y1 = box
    for _ in range(n):
        x = rng.uniform(x0, x1)
        y = rng.uniform(y0, y1)
        r = rng.uniform(0.6, rmax)
        draw.ellipse([x - r, y - r * 0.8, x + r, y + r * 0.8], fill=rng.choice(colors))


def save_with_sizes(img, name, ext, sizes, **save_kw):
    """Save the full image and WordPress-style resized copies (name-WxH.ext)."""
    full = os.path.join(HERE, f"{name}.{ext}")
    _save(img, full, ext, **save_kw)
    for w, h, crop in sizes:
        if crop:  # WordPress thumbnails are centre-cropped squares
            sw, sh = img.size
            side = min(sw, sh)
            box = ((sw - side) // 2, (sh - side) // 2, (sw + side) // 2, (sh + side) // 2)
            small = img.crop(box).resize((w, h), Image.LANCZOS)
        else:
            small = img.resize((w, h), Image.LANCZOS)
        _save(small, os.path.join(HERE, f"{name}-{w}x{h}.{ext}"), ext, **save_kw)


def _save(img, path, ext, **kw):
    if ext == "jpg":
        img.convert("RGB").save(path, "JPEG", quality=kw.get("quality", 80), optimize=True)
    elif ext == "png":
        img.save(path, "PNG", optimize=True)
    elif ext == "gif":
        img.convert("RGB").quantize(colors=kw.get("colors", 32), method=Image.MEDIANCUT,
                                    dither=Image.NONE).save(path, "GIF", optimize=True)
    print(f"wrote {os.path.relpath(path, HERE)}")


# --------------------------------------------------------------------------------------
# 1. Cover: a raised vegetable bed cut open to show the soil beneath, morning light.
# --------------------------------------------------------------------------------------
def make_cover():
    rng = random.Random(1201)
    W, H = 1200, 800
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    vertical_gradient(d, (0, 0, W, 380), (178, 208, 230), (246, 232, 204))
    # sun glow
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).ellipse([860, 40, 1100, 280], fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(60))
    img.paste((255, 244, 214), (0, 0), glow)
    d = ImageDraw.Draw(img)
    # distant hills and hedge
    wavy_band(d, W, 300, 18, 140, 0.3, (150, 178, 140), H)
    wavy_band(d, W, 335, 12, 70, 1.7, (108, 142, 96), H)
    # lawn
    vertical_gradient(d, (0, 360, W, 430), (124, 160, 84), (98, 136, 64))
    # soil cross-section (the cut face of the bed)
    layers = [
        (420, (74, 52, 34)),    # dark topsoil
        (540, (104, 76, 50)),   # lighter topsoil
        (640, (150, 112, 74)),  # subsoil
        (730, (176, 140, 98)),  # clay-rich subsoil
    ]
    prev = layers[0][0]
    for i, (y, col) in enumerate(layers):
        wavy_band(d, W, y, 6, 60 + 20 * i, i * 1.3, col, H)
    speckle(d, (0, 430, W, 540), rng, 900, [(52, 36, 24), (94, 70, 46), (120, 96, 70)], 2.5)
    speckle(d, (0, 540, W, 800), rng, 700, [(190, 170, 140), (120, 90, 60), (205, 185, 150)], 3.5)
    # stones
    for _ in range(22):
        x, y = rng.uniform(0, W), rng.uniform(600, 790)
        r = rng.uniform(6, 18)
        g = rng.randint(150, 190)
        d.ellipse([x - r, y - r * 0.7, x + r, y + r * 0.7], fill=(g, g - 6, g - 16))
    # roots reaching down
    for _ in range(26):
        x = rng.uniform(40, W - 40)
        y = 425
        pts = [(x, y)]
        for _ in range(rng.randint(8, 16)):
            x += rng.uniform(-9, 9)
            y += rng.uniform(6, 14)
            pts.append((x, y))
        d.line(pts, fill=(226, 210, 180), width=2)
    # earthworms
    for _ in range(4):
        cx, cy = rng.uniform(100, W - 100), rng.uniform(470, 620)
        pts = [(cx + i * 5, cy + 5 * math.sin(i / 2.0)) for i in range(14)]
        d.line(pts, fill=(196, 120, 110), width=6, joint="curve")
    # timber edge of the bed
    d.rectangle([0, 404, W, 426], fill=(132, 96, 62))
    for x in range(0, W, 160):
        d.line([(x, 404), (x, 426)], fill=(98, 70, 44), width=3)
    # plants on top of the bed: lettuce rosettes and a row of onions
    for i in range(9):
        cx = 70 + i * 130 + rng.uniform(-10, 10)
        for k in range(9):
            ang = math.pi * (0.1 + 0.8 * k / 8)
            lx = cx + 55 * math.cos(ang)
            ly = 400 - 48 * math.sin(ang)
            shade = rng.randint(0, 30)
            d.ellipse([lx - 28, ly - 18, lx + 28, ly + 18], fill=(88 + shade, 160 + shade, 70))
        d.ellipse([cx - 22, 370, cx + 22, 402], fill=(150, 200, 100))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    img = add_grain(img, rng, 14)
    save_with_sizes(img, "garden-bed-cover", "jpg",
                    [(150, 150, True), (300, 200, False), (768, 512, False), (1024, 683, False)],
                    quality=78)


# --------------------------------------------------------------------------------------
# 2. Jar test: a straight-sided jar on a windowsill with sand, silt and clay settled out.
# --------------------------------------------------------------------------------------
def make_jar():
    rng = random.Random(1203)
    W, H = 800, 600
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    vertical_gradient(d, (0, 0, W, 430), (232, 226, 212), (214, 204, 186))  # wall
    d.rectangle([60, 40, 740, 330], fill=(206, 222, 232))                   # window
    d.rectangle([60, 40, 740, 330], outline=(250, 248, 242), width=14)
    d.line([(400, 40), (400, 330)], fill=(250, 248, 242), width=10)
    wavy_band(d, W, 250, 14, 90, 0.5, (160, 190, 150), 330)                 # garden outside
    d.rectangle([0, 320, W, 330], fill=(250, 248, 242))
    vertical_gradient(d, (0, 430, W, H), (170, 128, 88), (128, 92, 60))     # wooden sill
    for y in range(440, H, 23):
        d.line([(0, y), (W, y + rng.randint(-2, 2))], fill=(150, 110, 74), width=1)
    # jar body
    jx0, jx1, jtop, jbot = 290, 510, 120, 500
    d.ellipse([jx0 + 8, jbot - 10, jx1 - 8, jbot + 22], fill=(96, 70, 48))  # shadow
    d.rounded_rectangle([jx0, jtop, jx1, jbot], radius=26, fill=(214, 226, 226))
    bands = [  # (top y, colour) from the water down
        (210, (176, 160, 128)),  # cloudy water
        (300, (120, 96, 72)),    # clay, fine and dark
        (330, (150, 128, 100)),  # silt
        (392, (196, 172, 128)),  # sand
    ]
    for i, (y, col) in enumerate(bands):
        bottom = bands[i + 1][0] if i + 1 < len(bands) else jbot - 6
        d.rectangle([jx0 + 6, y, jx1 - 6, bottom], fill=col)
    d.rounded_rectangle([jx0 + 6, jbot - 40, jx1 - 6, jbot - 6], radius=20, fill=(196, 172, 128))
    speckle(d, (jx0 + 8, 392, jx1 - 8, jbot - 10), rng, 420,
            [(220, 200, 160), (170, 140, 100), (230, 214, 180), (140, 110, 80)], 2.2)
    speckle(d, (jx0 + 8, 330, jx1 - 8, 390), rng, 160, [(160, 140, 112), (140, 118, 92)], 1.2)
    # floating organic bits
    for _ in range(14):
        x, y = rng.uniform(jx0 + 20, jx1 - 20), rng.uniform(206, 216)
        d.line([(x, y), (x + rng.uniform(4, 12), y + rng.uniform(-2, 2))], fill=(70, 52, 30), width=2)
    # glass highlights and lid
    d.rounded_rectangle([jx0, jtop, jx1, jbot], radius=26, outline=(240, 246, 246), width=5)
    d.line([(jx0 + 24, jtop + 40), (jx0 + 24, jbot - 50)], fill=(248, 252, 252), width=7)
    d.line([(jx1 - 30, jtop + 60), (jx1 - 30, 200)], fill=(244, 250, 250), width=4)
    d.rounded_rectangle([jx0 + 10, jtop - 36, jx1 - 10, jtop + 6], radius=8, fill=(184, 150, 60))
    for x in range(jx0 + 18, jx1 - 10, 12):
        d.line([(x, jtop - 32), (x, jtop + 2)], fill=(160, 128, 48), width=2)
    # masking-tape marks on the side
    for y in (300, 330, 392):
        d.rectangle([jx1 - 4, y - 4, jx1 + 26, y + 4], fill=(238, 228, 196))
    img = img.filter(ImageFilter.GaussianBlur(0.9))
    img = add_grain(img, rng, 12)
    save_with_sizes(img, "soil-jar-test", "jpg", [(300, 225, False)], quality=80)


# --------------------------------------------------------------------------------------
# 3. Soil horizons: a labelled diagram on a transparent background (RGBA PNG).
# --------------------------------------------------------------------------------------
def make_horizons():
    rng = random.Random(1205)
    W, H = 900, 620
    img = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    x0, x1, top = 60, 520, 110
    layers = [
        ("O", "Leaf litter and mulch", "0–5 cm", top, top + 40, (70, 50, 30, 255)),
        ("A", "Topsoil: dark, crumbly, full of life", "5–25 cm", top + 40, top + 200, (98, 70, 44, 255)),
        ("B", "Subsoil: clay and minerals wash in", "25–60 cm", top + 200, top + 360, (160, 118, 76, 255)),
        ("C", "Weathered parent material", "60 cm +", top + 360, top + 480, (196, 178, 150, 255)),
    ]
    # soft drop shadow so the diagram sits on any page colour
    shadow = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rounded_rectangle([x0 + 10, top + 10, x1 + 10, top + 490], radius=22,
                                             fill=(0, 0, 0, 70))
    shadow = shadow.filter(ImageFilter.GaussianBlur(8))
    img.alpha_composite(shadow)
    d = ImageDraw.Draw(img)
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).rounded_rectangle([x0, top, x1, top + 480], radius=22, fill=255)
    block = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    bd = ImageDraw.Draw(block)
    for i, (_, _, _, y0, y1, col) in enumerate(layers):
        pts = [(x0, y1 + 20)]
        for x in range(x0, x1 + 11, 10):
            pts.append((x, y0 + (5 * math.sin(x / 35 + i) if i else 0)))
        pts.append((x1, y1 + 20))
        bd.polygon(pts, fill=col)
    speckle(bd, (x0, top + 40, x1, top + 200), rng, 600, [(60, 42, 26, 255), (130, 100, 70, 255)], 2.2)
    speckle(bd, (x0, top + 200, x1, top + 360), rng, 300, [(186, 146, 100, 255), (130, 92, 58, 255)], 3)
    for _ in range(30):  # stones in the C horizon
        x, y = rng.uniform(x0, x1), rng.uniform(top + 370, top + 475)
        r = rng.uniform(7, 20)
        g = rng.randint(140, 175)
        bd.ellipse([x - r, y - r * 0.7, x + r, y + r * 0.7], fill=(g, g - 8, g - 20, 255))
    for _ in range(16):  # roots
        x, y = rng.uniform(x0 + 20, x1 - 20), top + 40
        pts = [(x, y)]
        for _ in range(rng.randint(6, 18)):
            x += rng.uniform(-8, 8)
            y += rng.uniform(8, 16)
            pts.append((x, y))
        bd.line(pts, fill=(232, 218, 190, 255), width=2)
    img.paste(block, (0, 0), mask)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([x0, top, x1, top + 480], radius=22, outline=(60, 44, 30, 255), width=3)
    # plants on the surface
    for i in range(6):
        cx = x0 + 45 + i * 78
        d.line([(cx, top + 2), (cx, top - 50)], fill=(62, 120, 52, 255), width=5)
        for s in (-1, 1):
            d.ellipse([cx + (4 if s > 0 else -40), top - 60 + 12 * (i % 2), cx + (40 if s > 0 else -4),
                       top - 40 + 12 * (i % 2)], fill=(96, 168, 74, 255))
    # labels with leader lines
    f_big, f_small, f_tiny = font(34, "bold"), font(20), font(17)
    for letter, text, depth, y0, y1, col in layers:
        cy = (y0 + y1) // 2
        d.line([(x1 - 30, cy), (x1 + 40, cy)], fill=(60, 60, 60, 255), width=2)
        d.ellipse([x1 - 36, cy - 6, x1 - 24, cy + 6], fill=(250, 250, 250, 255), outline=(60, 60, 60, 255))
        d.text((x1 + 52, cy - 30), letter, font=f_big, fill=(40, 34, 28, 255))
        d.text((x1 + 96, cy - 24), text if len(text) < 26 else text.split(":")[0] + ":",
               font=f_small, fill=(40, 34, 28, 255))
        if ":" in text:
            d.text((x1 + 96, cy + 2), text.split(": ")[1], font=f_tiny, fill=(80, 70, 60, 255))
        else:
            d.text((x1 + 96, cy + 2), depth, font=f_tiny, fill=(80, 70, 60, 255))
    d.text((x0, 14), "A simple soil profile", font=font(30, "bold"), fill=(40, 34, 28, 255))
    save_with_sizes(img, "soil-horizons", "png", [(300, 207, False), (768, 529, False)])


# --------------------------------------------------------------------------------------
# 4. Compost bin: flat-colour drawing, saved as a palette GIF.
# --------------------------------------------------------------------------------------
def make_compost_bin():
    rng = random.Random(1217)
    W, H = 640, 480
    img = Image.new("RGB", (W, H), (236, 232, 214))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 360, W, H], fill=(150, 178, 104))
    # heap visible through the slats, in layers of greens and browns
    bx0, bx1, by0, by1 = 150, 490, 130, 390
    heap = [(by0 + 30, (92, 70, 46)), (by0 + 80, (120, 150, 70)), (by0 + 120, (168, 130, 80)),
            (by0 + 165, (100, 132, 64)), (by0 + 205, (150, 112, 70)), (by0 + 240, (72, 54, 38))]
    for i, (y, col) in enumerate(heap):
        nxt = heap[i + 1][0] if i + 1 < len(heap) else by1
        d.rectangle([bx0, y, bx1, nxt], fill=col)
    d.pieslice([bx0, by0 - 10, bx1, by0 + 70], 180, 360, fill=(92, 70, 46))
    speckle(d, (bx0, by0 + 20, bx1, by1), rng, 260,
            [(200, 170, 110), (70, 110, 50), (60, 44, 30), (220, 190, 120)], 3)
    # slats
    for i, y in enumerate(range(by0 + 20, by1, 38)):
        d.rectangle([bx0 - 10, y, bx1 + 10, y + 24], fill=(178, 130, 80))
        d.line([(bx0 - 10, y + 24), (bx1 + 10, y + 24)], fill=(130, 92, 56), width=3)
        for k in range(3):
            nx = bx0 + 40 + k * 120 + (i % 2) * 30
            d.ellipse([nx - 3, y + 9, nx + 3, y + 15], fill=(110, 80, 50))
    for x in (bx0 - 20, bx1 + 2):
        d.rectangle([x, by0 - 10, x + 18, by1 + 8], fill=(140, 100, 60))
    # garden fork leaning on the bin
    d.line([(520, 110), (575, 380)], fill=(150, 110, 66), width=9)
    d.rectangle([512, 96, 540, 112], fill=(120, 88, 52))
    for k in range(4):
        d.line([(565 + k * 8, 360), (585 + k * 8, 452)], fill=(120, 124, 130), width=4)
    d.line([(560, 362), (596, 356)], fill=(120, 124, 130), width=5)
    # steam curls from the hot middle of the heap
    for k in range(3):
        sx = 260 + k * 60
        pts = [(sx + 10 * math.sin(t / 5.0 + k), 110 - t * 2.2) for t in range(0, 30)]
        d.line(pts, fill=(255, 255, 255), width=4)
    # a watering can
    d.rounded_rectangle([40, 320, 120, 400], radius=10, fill=(70, 130, 150))
    d.line([(120, 340), (150, 305)], fill=(70, 130, 150), width=8)
    d.arc([50, 290, 110, 350], 180, 360, fill=(70, 130, 150), width=7)
    save_with_sizes(img, "compost-bin", "gif", [(300, 225, False)], colors=32)


# --------------------------------------------------------------------------------------
# 5. Organic matter chart: three beds, three seasons of lab results.
# --------------------------------------------------------------------------------------
OM_DATA = {  # percent organic matter (loss on ignition), spring samples
    "Bed 1 (compost)": (2.4, 3.2, 4.1),
    "Bed 2 (compost + cover crop)": (2.6, 3.6, 4.6),
    "Bed 3 (nothing added)": (2.5, 2.4, 2.5),
}


def make_chart():
    W, H = 800, 500
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    left, right, top, bottom = 90, 760, 70, 410
    ymax = 5.0
    f, fs, fb = font(18), font(15), font(24, "bold")
    d.text((left, 18), "Soil organic matter by bed, spring tests", font=fb, fill=(40, 40, 40))
    for v in range(0, 6):
        y = bottom - (bottom - top) * v / ymax
        d.line([(left, y), (right, y)], fill=(226, 226, 226), width=1)
        d.text((left - 44, y - 10), f"{v}%", font=f, fill=(90, 90, 90))
    d.line([(left, top), (left, bottom), (right, bottom)], fill=(60, 60, 60), width=2)
    years = ("2021", "2022", "2023")
    colors = [(196, 140, 78), (96, 150, 80), (170, 170, 170)]
    group_w = (right - left) / len(years)
    bar_w = 52
    for gi, year in enumerate(years):
        gx = left + group_w * gi + group_w / 2
        for bi, (name, values) in enumerate(OM_DATA.items()):
            x = gx + (bi - 1) * (bar_w + 10) - bar_w / 2
            y = bottom - (bottom - top) * values[gi] / ymax
            d.rectangle([x, y, x + bar_w, bottom - 1], fill=colors[bi])
            label = f"{values[gi]:.1f}"
            d.text((x + bar_w / 2 - d.textlength(label, font=fs) / 2, y - 20), label, font=fs,
                   fill=(60, 60, 60))
        d.text((gx - d.textlength(year, font=f) / 2, bottom + 10), year, font=f, fill=(40, 40, 40))
    lx = left
    for bi, name in enumerate(OM_DATA):
        d.rectangle([lx, 456, lx + 18, 474], fill=colors[bi])
        d.text((lx + 26, 455), name, font=fs, fill=(40, 40, 40))
        lx += 40 + d.textlength(name, font=fs)
    save_with_sizes(img, "organic-matter-chart", "png", [(300, 188, False)])


# --------------------------------------------------------------------------------------
# 6. Cover crop field: crimson clover and cereal rye in April.
# --------------------------------------------------------------------------------------
def make_cover_crop():
    rng = random.Random(1235)
    W, H = 1000, 600
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    vertical_gradient(d, (0, 0, W, 250), (150, 190, 222), (226, 234, 226))
    for _ in range(6):  # clouds
        cx, cy = rng.uniform(0, W), rng.uniform(30, 150)
        for k in range(5):
            r = rng.uniform(20, 40)
            ox = k * 26 - 50
            d.ellipse([cx + ox - r, cy - r * 0.6, cx + ox + r, cy + r * 0.6], fill=(246, 248, 250))
    wavy_band(d, W, 215, 10, 120, 0.8, (120, 150, 110), H)  # tree line
    for _ in range(40):
        x = rng.uniform(0, W)
        r = rng.uniform(18, 38)
        d.ellipse([x - r, 205 - r, x + r, 215 + r * 0.3], fill=(96, 128, 86))
    vertical_gradient(d, (0, 240, W, H), (120, 160, 76), (66, 110, 44))    # field
    # rye stalks, taller toward the viewer
    for _ in range(1600):
        y = rng.uniform(240, H + 40)
        depth = (y - 240) / (H - 200)
        x = rng.uniform(-20, W + 20)
        h = 12 + 80 * depth
        lean = rng.uniform(-6, 6) * depth
        g = rng.randint(120, 170)
        d.line([(x, y), (x + lean, y - h)], fill=(g - 30, g + 20, 70), width=max(1, int(3 * depth)))
        if rng.random() < 0.3:
            d.ellipse([x + lean - 2 * depth, y - h - 12 * depth, x + lean + 2 * depth, y - h],
                      fill=(196, 200, 130))
    # crimson clover heads
    for _ in range(900):
        y = rng.uniform(250, H)
        depth = (y - 240) / (H - 240)
        x = rng.uniform(0, W)
        r = 1.5 + 7 * depth
        red = rng.randint(170, 220)
        d.ellipse([x - r * 0.6, y - r * 1.3, x + r * 0.6, y], fill=(red, 30 + rng.randint(0, 30), 50))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    img = add_grain(img, rng, 12)
    save_with_sizes(img, "cover-crop-field", "jpg", [(300, 180, False), (768, 461, False)], quality=78)


if __name__ == "__main__":
    make_cover()
    make_jar()
    make_horizons()
    make_compost_bin()
    make_chart()
    make_cover_crop()
