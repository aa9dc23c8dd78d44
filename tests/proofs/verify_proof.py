#!/usr/bin/env python3
"""A second verifier of `receipts prove` files, written from doc/formats.md alone ("Transparency
log", "Checkpoints", "Proof files"), RFC 9162, RFC 8032 and C2SP signed-note. Standard library.

  verify_proof.py PROOF.json --pubkey KEY [--checkpoint TRUSTED]
      exit 0 proved, 3 rejected (BAD: ...), 1 unreadable file or unusable key, 2 usage
  verify_proof.py --self-test      exit 0 when every reference vector passes, else 1

KEY: a file of 64 hex digits (`receipts keygen`'s KEYFILE.pub) or a verifier key NAME+HASH+BASE64.
"""
import argparse
import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import sys


class Bad(Exception):
    pass


def need(cond, why):
    if not cond:
        raise Bad(why)


@contextlib.contextmanager
def within(what):
    """Prefix a rejection's reason with what was being checked."""
    try:
        yield
    except Bad as e:
        raise Bad(f"{what}: {e}") from None


# ---------------------------------------------------------------- Ed25519, RFC 8032 section 5.1
P = 2**255 - 19                                       # the field
L = 2**252 + 27742317777372353535851937790883648493   # the order of the base point
D = -121665 * pow(121666, P - 2, P) % P               # the curve's d
SQRT_M1 = pow(2, (P - 1) // 4, P)
IDENTITY = (0, 1, 1, 0)                   # extended coordinates (X, Y, Z, T): x=X/Z, y=Y/Z, xy=T/Z


def pt_add(p, q):
    """5.1.4: addition in extended coordinates (the formulas are complete: they double too)."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a, b = (y1 - x1) * (y2 - x2) % P, (y1 + x1) * (y2 + x2) % P
    c, d = 2 * t1 * t2 * D % P, 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def pt_mul(s, p):
    q = IDENTITY
    while s:
        if s & 1:
            q = pt_add(q, p)
        p, s = pt_add(p, p), s >> 1
    return q


def pt_equal(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % P == 0 and (p[1] * q[2] - q[1] * p[2]) % P == 0


def pt_decode(b):
    """5.1.3: the point a 32-byte string encodes; None when invalid or not canonical."""
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if len(b) != 32 or y >= P:                        # y >= p: a non-canonical encoding
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == (-u) % P:
        x = x * SQRT_M1 % P
    if v * x * x % P != u or (x == 0 and sign):      # not on the curve, or "-0"
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


BASE = pt_decode(bytes.fromhex("58" + "66" * 31))    # B: y = 4/5, x even


def ed25519_verify(pub, msg, sig):
    """5.1.7 without the cofactor: [S]B = R + [k]A, k = SHA-512(R || A || M) mod L. Refuses
    S >= L, non-canonical A or R, and (as libsodium does) A or R of small order."""
    if len(pub) != 32 or len(sig) != 64:
        return False
    a, r, s = pt_decode(pub), pt_decode(sig[:32]), int.from_bytes(sig[32:], "little")
    if a is None or r is None or s >= L:
        return False
    if pt_equal(pt_mul(8, a), IDENTITY) or pt_equal(pt_mul(8, r), IDENTITY):
        return False
    k = int.from_bytes(hashlib.sha512(sig[:32] + pub + msg).digest(), "little") % L
    return pt_equal(pt_mul(s, BASE), pt_add(r, pt_mul(k, a)))


# ---------------------------------------------------------------- Merkle trees, RFC 9162 2.1
def sha256(b):
    return hashlib.sha256(b).digest()


def leaf_hash(entry):
    return sha256(b"\x00" + entry)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def split_point(n):
    """k, the largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def tree_root(d):
    """2.1.1: MTH(D[n])."""
    if len(d) <= 1:
        return leaf_hash(d[0]) if d else sha256(b"")
    k = split_point(len(d))
    return node_hash(tree_root(d[:k]), tree_root(d[k:]))


def inclusion_root(index, size, leaf, path):
    """2.1.3.2: the root `path` proves for `leaf` at `index` in a tree of `size` leaves (the
    caller compares it with the expected root, the end of step 5)."""
    need(index < size, f"leaf index {index} is not below the tree size {size}")    # step 1
    fn, sn, r = index, size - 1, leaf                                              # 2, 3
    for p in path:                                                                 # 4
        need(sn != 0, "the inclusion path is too long")                           # 4a
        if fn & 1 or fn == sn:                                                     # 4b
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1                                                  # 4c
    need(sn == 0, "the inclusion path is too short")                              # 5
    return r


def verify_consistency(first, second, first_hash, second_hash, path):
    """2.1.4.2: `path` proves the tree of `second` leaves extends the one of `first`. The RFC's
    algorithm is for 0 < first < second; equal sizes take an empty path and equal roots."""
    need(0 < first <= second, f"no consistency proof from {first} leaves to {second}")
    if first == second:
        need(not path and first_hash == second_hash, "equal sizes, but other roots or a path")
        return
    need(path, "the consistency path is empty")                                   # step 1
    if first & (first - 1) == 0:                                                   # 2
        path = [first_hash] + path
    fn, sn = first - 1, second - 1                                                 # 3
    while fn & 1:                                                                  # 4
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]                                                              # 5
    for c in path[1:]:                                                             # 6
        need(sn != 0, "the consistency path is too long")                         # 6a
        if fn & 1 or fn == sn:                                                     # 6b
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1                                                  # 6c
    need(sn == 0, "the consistency path has the wrong length")                    # 7
    need(fr == first_hash, "the consistency path does not give the earlier root")
    need(sr == second_hash, "the consistency path does not give the later root")


# ---------------------------------------------------------------- strict encodings
def b64(s, what):
    """Canonical standard base64 (RFC 4648 section 4), padded."""
    need(isinstance(s, str) and s.isascii(), f"{what} is not a base64 string")
    try:
        raw = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        raise Bad(f"{what} is not valid base64") from None
    need(base64.b64encode(raw).decode() == s, f"{what} is not canonical base64")
    return raw


def hashes(v, what):
    """A list of hashes, each 64 lower-case hex digits."""
    need(isinstance(v, list), f"{what} is not a list")
    ok = all(isinstance(h, str) and re.fullmatch("[0-9a-f]{64}", h) for h in v)
    need(ok, f"a hash of {what} is not 64 lower-case hex digits")
    return [bytes.fromhex(h) for h in v]


def decimal(b, what):
    """A decimal number without sign or leading zero (bytes or str)."""
    t = b.decode("ascii", "replace") if isinstance(b, bytes) else b
    need(re.fullmatch("0|[1-9][0-9]*", t), f"{what} is not a decimal number: {t!r}")
    return int(t)


def netstrings(b, what):
    """Split `b` into netstrings (LENGTH ':' BYTES ','), leaving nothing over."""
    out, i = [], 0
    while i < len(b):
        j = b.find(b":", i)
        need(0 <= j - i <= 20, f"{what}: no netstring length at byte {i}")
        end = j + 1 + decimal(b[i:j], f"{what}: a netstring length")
        need(b[end:end + 1] == b",", f"{what}: the netstring at byte {i} does not end with ','")
        out.append(b[j + 1:end])
        i = end + 1
    return out


def show(b):  # an entry's field, for the "ok:" lines
    return b.decode("utf-8", "replace")


# ---------------------------------------------------------------- keys, notes, checkpoints
def key_hash(name, pub):
    """The first 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key)."""
    return sha256(name.encode() + b"\n\x01" + pub)[:4]


def parse_verifier_key(s):
    """A note verifier key NAME+HASH+BASE64(0x01 || public key): (name, public key)."""
    m = re.fullmatch(r"([^+\s]+)\+([0-9a-f]{8})\+(\S+)", s)
    need(m, "not a verifier key NAME+HASH+BASE64")
    raw = b64(m.group(3), "the verifier key")
    need(len(raw) == 33 and raw[0] == 1, "the verifier key is not 0x01 and an Ed25519 key")
    need(key_hash(m.group(1), raw[1:]).hex() == m.group(2), "the verifier key's hash is wrong")
    return m.group(1), raw[1:]


def load_key(arg):
    """(name, public key); a key file has no name (a checkpoint's key name is its origin)."""
    if not os.path.exists(arg) and re.fullmatch(r"[^+\s]+\+[0-9a-f]{8}\+\S+", arg):
        return parse_verifier_key(arg)
    with open(arg, encoding="ascii") as f:
        s = f.read()
    need(re.fullmatch("[0-9a-fA-F]{64}\n?", s), f"{arg} does not hold 64 hex digits")
    return None, bytes.fromhex(s.strip())


def open_note(note, name, pub):
    """C2SP signed-note: the body, once the signature line of key `name` with `pub`'s key hash
    verifies over it. Other keys' lines are skipped; a bad signature of this key rejects."""
    need(isinstance(note, str) and note.endswith("\n"), "the note does not end with a newline")
    cut = note.rfind("\n\n")
    need(cut >= 0, "the note is not signed (no empty line before signatures)")
    body, want, found = note[:cut + 1], key_hash(name, pub), False
    for line in note[cut + 2:].split("\n")[:-1]:
        parts = line.split(" ")
        need(len(parts) == 3 and parts[0] == "\u2014" and parts[1], f"not a signature: {line!r}")
        raw = b64(parts[2], "a signature")
        need(len(raw) >= 5, "a signature is too short")
        if parts[1] == name and raw[:4] == want:
            need(len(raw) == 68, "the Ed25519 signature is not 64 bytes")
            ok = ed25519_verify(pub, body.encode(), raw[4:])
            need(ok, f"the signature of key {want.hex()} does not verify")
            found = True
    need(found, f"no signature by key {name} {want.hex()}")
    return body


def read_checkpoint(note, key, what):
    """A checkpoint signed by `key`: (origin, size, root, key hash)."""
    need(isinstance(note, str), f"{what} is not a string")
    origin, (name, pub) = note.split("\n", 1)[0], key
    need(name in (None, origin), f"{what}: the key is {name!r}'s, the origin is {origin!r}")
    with within(what):
        lines = open_note(note, origin, pub).split("\n")
        need(len(lines) == 4 and lines[0], "the body is not three lines")
        root = b64(lines[2], "the root hash")
        need(len(root) == 32, "the root hash is not 32 bytes")
        return origin, decimal(lines[1], "the tree size"), root, key_hash(origin, pub).hex()


# ---------------------------------------------------------------- proof files
def canonical(v):
    """The canonical form ("Proof files"): no space; strings escape '"', '\\' and characters
    below 0x20 (as \\u00xx, lower-case hex) and nothing else; numbers plain decimal."""
    if isinstance(v, dict):
        return "{" + ",".join(canonical(k) + ":" + canonical(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, str):
        esc = {'"': '\\"', "\\": "\\\\"}
        return '"' + "".join(esc.get(c) or (f"\\u{ord(c):04x}" if c < " " else c)
                             for c in v) + '"'
    need(isinstance(v, int) and not isinstance(v, bool), "not a count, string, list or object")
    return str(v)


def members(obj, what, names):
    """`obj` is an object whose members are among `names`, in that order."""
    need(isinstance(obj, dict), f"{what} is not an object")
    extra = sorted(set(obj) - set(names))
    need(not extra, f"{what}: unknown member {extra[:1]}")
    need(list(obj) == [n for n in names if n in obj], f"{what}: members out of order")
    return obj


def member(obj, name, kind):
    need(name in obj, f"missing member {name!r}")
    v = obj[name]
    count = isinstance(v, int) and not isinstance(v, bool) and v >= 0
    need(count if kind is int else isinstance(v, kind), f"member {name!r} is of the wrong type")
    return v


def inclusion(proof, name):
    """An inclusion object: (index, tree_size, entry bytes, the root its path proves)."""
    obj = members(member(proof, name, dict), name, ("index", "tree_size", "entry", "path"))
    index, size = member(obj, "index", int), member(obj, "tree_size", int)
    entry = b64(member(obj, "entry", str), f"{name}.entry")
    path = hashes(member(obj, "path", list), f"{name}.path")
    with within(name):
        return index, size, entry, inclusion_root(index, size, leaf_hash(entry), path)


def verify(proof, key, trusted):
    need(isinstance(proof, dict) and proof.get("format") == "receipts-proof-v1",
         "format is not receipts-proof-v1")
    kind = proof.get("type")
    need(kind in ("claim", "consistency"), f"unknown type {kind!r}")
    extra = ("claim_key", "claim", "snapshot", "verdict", "run") if kind == "claim" else ()
    members(proof, "the file", ("format", "type") + extra + ("consistency", "checkpoint"))
    # Step 1: the checkpoint, signed by the key: size S, root R.
    origin, S, R, kh = read_checkpoint(member(proof, "checkpoint", str), key, "checkpoint")
    out = [f"checkpoint of {origin}: {S} leaves, root {base64.b64encode(R).decode()}, "
           f"signed by key {kh}"]
    if kind == "claim":
        out = claim(proof, S, R) + out                                  # steps 2 to 5
    extended = None
    if kind == "consistency" or "consistency" in proof or (trusted and trusted[1:] != (S, R)):
        # Whenever the file carries one (a member nobody checks could change unnoticed), and
        # whenever step 6 needs one.
        need(kind == "consistency" or "consistency" in proof,
             f"the proof's log of {S} leaves says nothing of the trusted checkpoint")
        c = members(member(proof, "consistency", dict), "consistency", ("from", "path"))
        f_origin, f_size, f_root, _ = read_checkpoint(member(c, "from", str), key,
                                                      "consistency.from")
        need(f_origin == origin, "consistency.from is of another log")
        path = hashes(member(c, "path", list), "consistency.path")
        with within("consistency"):
            verify_consistency(f_size, S, f_root, R, path)
        extended = (f_size, f_root)
        out.append(f"the log of {S} leaves extends the checkpoint of {f_size} leaves")
    if trusted:
        # Step 6: the trusted checkpoint is the proof's, or the one its consistency proof extends.
        need(trusted[0] == origin, f"the trusted checkpoint is of another log ({trusted[0]})")
        need(trusted[1:] in ((S, R), extended),
             "the consistency proof starts from another checkpoint than the trusted one")
        out.append(f"extends the trusted checkpoint of {trusted[1]} leaves")
    return out


def claim(proof, S, R):
    key = member(proof, "claim_key", str)
    # Step 2: the claim entry, 19 netstrings (seq, claim_key, ...), and the claims root C.
    ci, csize, centry, C = inclusion(proof, "claim")
    f = netstrings(centry, "claim.entry")
    need(len(f) == 19, f"claim.entry has {len(f)} netstrings, not 19")
    need(f[1] == key.encode(), "claim.entry is not of claim_key")
    need(f[0] == str(ci + 1).encode(), f"claim.entry's seq is not claim.index + 1 = {ci + 1}")
    # Step 3: the snapshot entry commits to C and to the claim count. It is
    # receipts-snapshot-v1, kind, as_of, source, N pages, N hashes, claim_count, claimed_total, C.
    si, ssize, sentry, snap_root = inclusion(proof, "snapshot")
    g = netstrings(sentry, "snapshot.entry")
    need(len(g) >= 8 and g[0] == b"receipts-snapshot-v1", "snapshot.entry is not a snapshot's")
    need(len(g) == 8 + decimal(g[4], "the page count"), "snapshot.entry's page count is wrong")
    need(g[-1] == C.hex().encode(), "the claim's path does not give the snapshot's claims root")
    need(g[-3] == str(csize).encode(), "claim.tree_size is not the snapshot's claim count")
    # Step 4: the snapshot leaf is in the checkpoint's log.
    need(ssize == S, f"snapshot.tree_size {ssize} is not the checkpoint's size {S}")
    need(snap_root == R, "the snapshot leaf's path does not give the checkpoint's root")
    out = [f"claim {key} is claim {ci + 1} of {csize} in the {show(g[1])} snapshot as of "
           f"{show(g[2])} (source {show(g[3])}, ${show(g[-2])} claimed), log leaf {si} of {S}"]
    # Step 5: the verdict in its run's verdicts tree (root V), the run's leaf in the log. A run
    # is receipts-verification-run-v1, snapshot leaf, C, since, records_as_of, N record files,
    # N (name, hash), verdict count, V.
    need(("verdict" in proof) == ("run" in proof), "a verdict without its run, or a run without")
    if "verdict" in proof:
        _, vsize, ventry, V = inclusion(proof, "verdict")
        v = netstrings(ventry, "verdict.entry")
        need(len(v) == 5, f"verdict.entry has {len(v)} netstrings, not 5")
        need(v[0] == f[0], "verdict.entry is not of the claim's seq")
        ri, rsize, rentry, run_root = inclusion(proof, "run")
        r = netstrings(rentry, "run.entry")
        need(len(r) >= 8 and r[0] == b"receipts-verification-run-v1", "run.entry is not a run's")
        need(len(r) == 8 + 2 * decimal(r[5], "the file count"), "run.entry's file count is wrong")
        need(r[1] == str(si).encode(), "the run is not of the snapshot's leaf")
        need(r[2] == C.hex().encode(), "the run is not of the snapshot's claims root")
        need(r[-2] == str(vsize).encode(), "verdict.tree_size is not the run's verdict count")
        need(r[-1] == V.hex().encode(), "the verdict's path does not give the run's verdicts root")
        need(rsize == S, f"run.tree_size {rsize} is not the checkpoint's size {S}")
        need(run_root == R, "the run leaf's path does not give the checkpoint's root")
        saved = f"verified ${show(v[3])}" if v[3] else "nothing verified"
        out.append(f"verdict {show(v[1])}: award {show(v[2]) or '(none)'}, {saved}, "
                   f"records as of {show(r[4])}, log leaf {ri}")
    return out


# ---------------------------------------------------------------- self-test
def audit_path(m, d):
    """RFC 9162 2.1.3.1 PATH(m, D[n]), to try the verifier on every leaf of small trees."""
    if len(d) == 1:
        return []
    k = split_point(len(d))
    if m < k:
        return audit_path(m, d[:k]) + [tree_root(d[k:])]
    return audit_path(m - k, d[k:]) + [tree_root(d[:k])]


def subproof(m, d, b):
    """RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b); PROOF(m, D[n]) is SUBPROOF(m, D[n], true)."""
    if m == len(d):
        return [] if b else [tree_root(d)]
    k = split_point(len(d))
    if m <= k:
        return subproof(m, d[:k], b) + [tree_root(d[k:])]
    return subproof(m - k, d[k:], False) + [tree_root(d[:k])]


def self_test():
    def holds(fn):
        try:
            return bool(fn())
        except Bad:
            return False

    h = bytes.fromhex
    pub = h("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    sig = h("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    flipped = sig[:10] + bytes([sig[10] ^ 1]) + sig[11:]
    s_plus_l = sig[:32] + (int.from_bytes(sig[32:], "little") + L).to_bytes(32, "little")
    d = [h(x) for x in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                        "606162636465666768696a6b6c6d6e6f")]
    root1 = h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    root3 = h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")
    root6 = h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")
    root8 = h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    cons = [h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    incl = [h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")] + cons[1:]
    leaf5 = leaf_hash(d[5])
    note = ("If you think cryptography is the answer to your problem,\n"
            "then you don't know what your problem is.\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/"
            "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
    name, key = parse_verifier_key("PeterNeumann+c74f20a3+"
                                   "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
    bx = 15112221349535400772501151409588531511454012693041857206046113283949847762202
    tests = [
        ("RFC 8032: the base point B", lambda: BASE[0] == bx),
        ("RFC 8032 7.1 TEST 1 verifies", lambda: ed25519_verify(pub, b"", sig)),
        ("RFC 8032 7.1 TEST 1, a bit flipped, fails",
         lambda: not ed25519_verify(pub, b"", flipped)),
        ("RFC 8032 7.1 TEST 1 with S + L fails", lambda: not ed25519_verify(pub, b"", s_plus_l)),
        ("RFC 9162 roots of 1, 3, 6, 8 leaves", lambda: [tree_root(d[:n]) for n in (1, 3, 6, 8)]
         == [root1, root3, root6, root8]),
        ("consistency 6 -> 8", lambda: verify_consistency(6, 8, root6, root8, cons) is None),
        ("consistency 6 -> 8, a hash changed, fails",
         lambda: not holds(lambda: verify_consistency(6, 8, root6, root8, [root6] + cons[1:]))),
        ("consistency 6 -> 8, a hash missing, fails",
         lambda: not holds(lambda: verify_consistency(6, 8, root6, root8, cons[:2]))),
        ("inclusion of leaf 5 in 8", lambda: inclusion_root(5, 8, leaf5, incl) == root8),
        ("inclusion of leaf 5 as leaf 4 fails",
         lambda: not holds(lambda: inclusion_root(4, 8, leaf5, incl) == root8)),
        ("inclusion, a hash too many or too few, fails",
         lambda: not any(holds(lambda: inclusion_root(5, 8, leaf5, p))
                         for p in (incl * 2, cons[1:]))),
        ("inclusion of every leaf of trees of 1 to 8 leaves", lambda: all(
            inclusion_root(i, n, leaf_hash(d[i]), audit_path(i, d[:n])) == tree_root(d[:n])
            for n in range(1, 9) for i in range(n))),
        ("consistency between every two sizes up to 8", lambda: all(
            verify_consistency(m, n, tree_root(d[:m]), tree_root(d[:n]), subproof(m, d[:n], True))
            is None for n in range(1, 9) for m in range(1, n + 1))),
        ("sumdb/note verifier key's hash", lambda: key_hash(name, key).hex() == "c74f20a3"),
        ("sumdb/note example verifies", lambda: open_note(note, name, key).startswith("If you")),
        ("sumdb/note example, a letter changed, fails",
         lambda: not holds(lambda: open_note(note.replace("answer", "Answer"), name, key))),
        ("netstrings parse exactly", lambda: netstrings(b"0:,3:a,b,", "t") == [b"", b"a,b"]
         and not any(holds(lambda: netstrings(bad, "t"))
                     for bad in (b"3:abc,x", b"03:abc,", b"3:abcd", b"+3:abc,"))),
        ("base64 must be canonical", lambda: b64("QQ==", "t") == b"A"
         and not any(holds(lambda: b64(bad, "t")) for bad in ("QR==", "QQ", "Q Q=="))),
    ]
    passed = [holds(fn) for _, fn in tests]
    for (what, _), ok in zip(tests, passed):
        print(("pass: " if ok else "FAIL: ") + what)
    return 0 if all(passed) else 1


def main():
    ap = argparse.ArgumentParser(description="Verify a receipts proof file without the ledger.")
    ap.add_argument("proof", nargs="?", help="the proof file `receipts prove` wrote")
    ap.add_argument("--pubkey", help="a file of 64 hex digits (KEYFILE.pub) or NAME+HASH+BASE64")
    ap.add_argument("--checkpoint", help="a signed checkpoint the reader trusts")
    ap.add_argument("--self-test", action="store_true", help="check the reference vectors")
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    if not a.proof or not a.pubkey:
        ap.error("give PROOF.json and --pubkey KEY (or --self-test)")
    try:
        key = load_key(a.pubkey)
        with open(a.proof, "rb") as f:
            raw = f.read()
        trusted_raw = None
        if a.checkpoint:
            with open(a.checkpoint, "rb") as f:
                trusted_raw = f.read()
    except (OSError, UnicodeDecodeError, Bad) as e:
        print(f"verify_proof.py: {e}", file=sys.stderr)
        return 1
    try:
        trusted = None
        if trusted_raw is not None:
            what = f"the trusted checkpoint {a.checkpoint}"
            try:
                trusted_text = trusted_raw.decode("utf-8")
            except UnicodeDecodeError:
                raise Bad(f"{what} is not UTF-8") from None
            trusted = read_checkpoint(trusted_text, key, what)[:3]
        try:
            proof = json.loads(raw.decode("utf-8"))
        except ValueError as e:     # UnicodeDecodeError included
            raise Bad(f"not a JSON file: {e}") from None
        # The file must be byte for byte its canonical form ("Proof files").
        written = (canonical(proof) + "\n").encode("utf-8", "surrogatepass")
        need(raw == written, "not byte for byte the canonical form 'receipts prove' writes")
        lines = verify(proof, key, trusted)
    except Bad as e:
        print(f"BAD: {a.proof}: proof rejected: {e}", file=sys.stderr)
        return 3
    for line in lines:
        print("ok: " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
