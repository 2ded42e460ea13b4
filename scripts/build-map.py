#!/usr/bin/env python3
"""Country outlines for the report's maps, compiled from Natural Earth 1:110m Admin 0 Countries
(public domain) as shipped in the PyPI wheel geopandas==0.14.4 (`datasets/naturalearth_lowres`).

One-off data preparation, not on the product path (standard library only):

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    (cd /tmp/ne && unzip -o geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*')
    python3 scripts/build-map.py /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres \
        crates/render/resources/countries-110m.txt

Output: a few comment lines starting with `#`, then one line per country:

    ISO_A3<TAB>name<TAB>ring|ring|…

Each ring is a comma-separated list of integers in hundredths of a degree: the first point as
`lon,lat`, then every further point as the difference to the one before (`dlon,dlat`).
Consecutive points that round to the same position are dropped; rings left with fewer than
three points are dropped. Countries are sorted by ISO code, then name, so the file is stable.
"""
import struct
import sys


def read_dbf(path):
    """Rows of a dBase III file as dicts of stripped strings."""
    raw = open(path, "rb").read()
    count, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields = []
    pos = 32
    while raw[pos] != 0x0D:
        name = raw[pos:pos + 11].split(b"\0")[0].decode("ascii")
        length = raw[pos + 16]
        fields.append((name, length))
        pos += 32
    rows = []
    for i in range(count):
        rec = raw[header_len + i * record_len: header_len + (i + 1) * record_len]
        off = 1  # deletion flag
        row = {}
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def read_shp(path):
    """Polygon records (shape type 5) of a shapefile: a list of rings of (lon, lat) per record."""
    raw = open(path, "rb").read()
    pos = 100
    shapes = []
    while pos < len(raw):
        _, content_words = struct.unpack(">ii", raw[pos:pos + 8])
        body = raw[pos + 8: pos + 8 + content_words * 2]
        pos += 8 + content_words * 2
        (shape_type,) = struct.unpack("<i", body[:4])
        if shape_type == 0:
            shapes.append([])
            continue
        assert shape_type == 5, f"shape type {shape_type}"
        num_parts, num_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", body[44:44 + 4 * num_parts]))
        pts_off = 44 + 4 * num_parts
        points = [struct.unpack("<dd", body[pts_off + 16 * k: pts_off + 16 * k + 16]) for k in range(num_points)]
        parts.append(num_points)
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(num_parts)])
    return shapes


def encode_ring(ring):
    pts = []
    for lon, lat in ring:
        p = (round(lon * 100), round(lat * 100))
        if not pts or pts[-1] != p:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()  # the renderer closes rings itself
    if len(pts) < 3:
        return None
    out = [pts[0][0], pts[0][1]]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        out += [x1 - x0, y1 - y0]
    return ",".join(str(v) for v in out)


def main(stem, out_path):
    rows = read_dbf(stem + ".dbf")
    shapes = read_shp(stem + ".shp")
    assert len(rows) == len(shapes)
    lines = []
    for row, rings in zip(rows, shapes):
        encoded = [e for e in (encode_ring(r) for r in rings) if e]
        if not encoded:
            continue
        name = row["name"].replace("\t", " ")
        lines.append((row["iso_a3"], name, "|".join(encoded)))
    lines.sort()
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Natural Earth 1:110m Admin 0 Countries (public domain), via geopandas 0.14.4\n")
        f.write("# naturalearth_lowres; built by scripts/build-map.py. See ATTRIBUTION.md.\n")
        f.write("# ISO_A3<TAB>name<TAB>rings: lon,lat then deltas, hundredths of a degree\n")
        for iso, name, rings in lines:
            f.write(f"{iso}\t{name}\t{rings}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
