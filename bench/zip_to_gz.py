#!/usr/bin/env python3
"""bench/zip_to_gz.py IN.zip OUT.gz: the one member of IN.zip as a gzip file with the very same
deflate stream (a gzip header, the member's compressed bytes copied as they are, its CRC-32 and
size as the trailer), so the .zip and the .gz of bench/run inflate the same bytes and differ only
in their wrapping. No recompression: it runs at the disk's speed.
"""
import struct
import sys
import zipfile


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, out = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        if len(infos) != 1 or infos[0].compress_type != zipfile.ZIP_DEFLATED:
            print(f"zip_to_gz: {source} must hold one deflated member", file=sys.stderr)
            return 1
        info = infos[0]
    with open(source, "rb") as f, open(out, "wb") as g:
        f.seek(info.header_offset)
        local = f.read(30)
        name_len, extra_len = struct.unpack("<HH", local[26:30])
        f.seek(info.header_offset + 30 + name_len + extra_len)
        # ID1 ID2 CM=8 FLG=0 MTIME=0 XFL=0 OS=3 (Unix)
        g.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")
        left = info.compress_size
        while left > 0:
            block = f.read(min(left, 1 << 22))
            if not block:
                print(f"zip_to_gz: {source} is cut short", file=sys.stderr)
                return 1
            g.write(block)
            left -= len(block)
        g.write(struct.pack("<II", info.CRC, info.file_size & 0xFFFFFFFF))
    return 0


if __name__ == "__main__":
    sys.exit(main())
