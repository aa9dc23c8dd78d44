#!/usr/bin/env python3
"""Independent verifier of `receipts prove` files, written from doc/formats.md alone
("Transparency log", "Checkpoints", "Proof files"; netstrings from "Canonical form and hash
chain"), RFC 9162 (Merkle trees), RFC 8032 (Ed25519) and C2SP signed-note / tlog-checkpoint.
Python 3.11 standard library only.

  verify_proof.py PROOF.json --pubkey KEY [--checkpoint TRUSTED]   exit 0 ok, 3 BAD, 2 usage
  verify_proof.py --self-test                                      exit 0 all pass, else 1

KEY is a file holding the 32-byte public key as 64 hex digits (`receipts keygen`'s KEYFILE.pub)
or a note verifier key NAME+HASH+BASE64.
"""
import argparse
import base64
import binascii
import hashlib
import json
import re
import sys


class Bad(Exception):
    """The proof is rejected."""


def need(cond, why):
    if not cond:
        raise Bad(why)


# ---------------------------------------------------------------- Ed25519, RFC 8032 section 5.1
P = 2**255 - 19                                   # the field
L = 2**252 + 27742317777372353535851937790883648493   # the group order
D = -121665 * pow(121666, P - 2, P) % P           # curve constant d
SQRT_M1 = pow(2, (P - 1) // 4, P)
IDENTITY = (0, 1, 1, 0)                           # extended coordinates (X, Y, Z, T), x=X/Z, y=Y/Z


def pt_add(p, q):
    """5.1.4: addition in extended coordinates (complete: also doubles)."""
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
    """5.1.3: a point from its 32-byte encoding; None when invalid or non-canonical."""
    if len(b) != 32:
        return None
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= P:                                    # non-canonical y
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == (-u) % P:
        x = x * SQRT_M1 % P
    if v * x * x % P != u:
        return None                               # not on the curve
    if x == 0 and sign:                           # non-canonical "-0"
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


BASE = pt_decode(bytes.fromhex("58" + "66" * 31))   # B: y = 4/5, x even


def ed25519_verify(pub, msg, sig):
    """5.1.7, cofactorless: [S]B = R + [k]A, k = SHA-512(R || A || M) mod L. Like libsodium,
    also refuses S >= L and public keys or R of small order."""
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


def tree_root(entries):
    """2.1.1: MTH(D[n]); k is the largest power of two smaller than n."""
    n = len(entries)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaf_hash(entries[0])
    k = 1 << ((n - 1).bit_length() - 1)
    return node_hash(tree_root(entries[:k]), tree_root(entries[k:]))


def inclusion_root(index, size, leaf, path):
    """2.1.3.2: the root that `path` proves for `leaf` at `index` of a tree of `size` leaves
    (the caller compares it with the expected root)."""
    need(0 <= index < size, f"leaf index {index} is not below the tree size {size}")  # step 1
    fn, sn, r = index, size - 1, leaf                                                  # 2, 3
    for p in path:                                                                     # 4
        need(sn != 0, "the inclusion path is too long")                               # 4a
        if fn & 1 or fn == sn:                                                         # 4b
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1                                                      # 4c
    need(sn == 0, "the inclusion path is too short")                                  # 5
    return r


def verify_consistency(first, second, first_hash, second_hash, path):
    """2.1.4.2: `path` proves the tree of `second` leaves extends that of `first` leaves.
    The RFC's algorithm takes 0 < first < second; equal sizes need an empty path and equal roots,
    and every tree extends the empty one."""
    need(0 <= first <= second, f"a tree of {second} leaves cannot extend one of {first}")
    if first == second or first == 0:
        need(not path, "a consistency path where none is needed")
        need(first_hash == (second_hash if first else sha256(b"")), "the roots differ")
        return
    need(path, "the consistency path is empty")                                       # step 1
    if first & (first - 1) == 0:                                                       # 2
        path = [first_hash] + path
    fn, sn = first - 1, second - 1                                                     # 3
    while fn & 1:                                                                      # 4
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]                                                                  # 5
    for c in path[1:]:                                                                 # 6
        need(sn != 0, "the consistency path is too long")                             # 6a
        if fn & 1 or fn == sn:                                                         # 6b
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1                                                      # 6c
    need(sn == 0, "the consistency path has the wrong length")                        # 7
    need(fr == first_hash, "the consistency path does not give the earlier root")
    need(sr == second_hash, "the consistency path does not give the later root")


# ---------------------------------------------------------------- strict encodings
def b64(s, what):
    """Canonical standard base64 (RFC 4648 section 4) with padding."""
    need(isinstance(s, str) and s.isascii(), f"{what} is not a base64 string")
    try:
        raw = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        raise Bad(f"{what} is not valid base64") from None
    need(base64.b64encode(raw).decode() == s, f"{what} is not canonical base64")
    return raw


def hex_hash(s, what):
    need(isinstance(s, str) and re.fullmatch("[0-9a-f]{64}", s), f"{what} is not 64 lower-case hex digits")
    return bytes.fromhex(s)


def decimal(b, what):
    """A decimal integer in canonical form (no sign, no leading zero); bytes or str."""
    t = b.decode("ascii", "replace") if isinstance(b, bytes) else b
    need(re.fullmatch("0|[1-9][0-9]*", t), f"{what} is not a decimal number: {t!r}")
    return int(t)


def netstrings(b, what):
    """Split `b` into netstrings (LEN ':' BYTES ','), with nothing left over."""
    out, i = [], 0
    while i < len(b):
        j = b.find(b":", i)
        need(0 <= j - i <= 20, f"{what}: bad netstring length at byte {i}")
        n = decimal(b[i:j], f"{what}: a netstring length")
        end = j + 1 + n
        need(b[end:end + 1] == b",", f"{what}: netstring at byte {i} does not end with ','")
        out.append(b[j + 1:end])
        i = end + 1
    return out


def text(b):
    return b.decode("utf-8", "replace")


# ---------------------------------------------------------------- keys, notes, checkpoints
def key_hash(name, pub):
    """First 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key)."""
    return sha256(name.encode() + b"\n\x01" + pub)[:4]


def parse_verifier_key(s):
    """Go's note verifier key NAME+HASH+BASE64(0x01 || public key)."""
    m = re.fullmatch(r"([^+\s]+)\+([0-9a-f]{8})\+(\S+)", s)
    need(m, "not a verifier key NAME+HASH+BASE64")
    raw = b64(m.group(3), "the verifier key")
    need(len(raw) == 33 and raw[0] == 1, "the verifier key is not an Ed25519 key (0x01 || 32 bytes)")
    need(key_hash(m.group(1), raw[1:]).hex() == m.group(2), "the verifier key's hash does not match its name and key")
    return m.group(1), raw[1:]


def load_key(arg):
    """(name or None, 32-byte public key); None for a key file: its name is the origin."""
    if re.fullmatch(r"[^+\s/]+\+[0-9a-f]{8}\+\S+", arg):
        return parse_verifier_key(arg)
    with open(arg, encoding="ascii") as f:
        s = f.read()
    need(re.fullmatch("[0-9a-fA-F]{64}\n?", s), f"{arg} does not hold 64 hex digits")
    return None, bytes.fromhex(s.strip())


def open_note(note, name, pub):
    """C2SP signed-note: the body, once a signature line by key `name` with `pub`'s key hash
    verifies over it. Lines of other keys are skipped; a bad one of this key fails."""
    need(isinstance(note, str) and note.endswith("\n"), "the note does not end with a newline")
    cut = note.rfind("\n\n")
    need(cut >= 0, "the note is not signed (no empty line before signatures)")
    body, sigs = note[:cut + 1], note[cut + 2:]
    want, found = key_hash(name, pub), False
    for line in sigs.split("\n")[:-1]:
        need(line.startswith("\u2014 "), f"not a signature line: {line!r}")
        parts = line[2:].split(" ")
        need(len(parts) == 2 and parts[0], f"not a signature line: {line!r}")
        raw = b64(parts[1], "a signature")
        need(len(raw) >= 5, "a signature is too short")
        if parts[0] == name and raw[:4] == want:
            need(len(raw) == 68, "the Ed25519 signature is not 64 bytes")
            need(ed25519_verify(pub, body.encode(), raw[4:]), f"the signature of key {want.hex()} does not verify")
            found = True
    need(found, f"no signature by key {name} {want.hex()}")
    return body


def read_checkpoint(note, key, what):
    """Verify a signed checkpoint; returns (origin, size, root, key hash)."""
    need(isinstance(note, str), f"{what} is not a string")
    origin = note.split("\n", 1)[0]
    name, pub = key
    need(name is None or name == origin, f"{what}: the key is named {name!r}, the origin is {origin!r}")
    try:
        body = open_note(note, origin, pub)
    except Bad as e:
        raise Bad(f"{what}: {e}") from None
    lines = body.split("\n")
    need(len(lines) == 4 and lines[3] == "" and lines[0], f"{what}: the body is not three lines")
    root = b64(lines[2], f"{what}: the root")
    need(len(root) == 32, f"{what}: the root is not 32 bytes")
    return origin, decimal(lines[1], f"{what}: the size"), root, key_hash(origin, pub).hex()


# ---------------------------------------------------------------- proof files
def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    need(len(set(keys)) == len(keys), "a JSON object repeats a member")
    return dict(pairs)


def no_constant(c):
    raise Bad(f"JSON {c} is not allowed")


def member(obj, name, kind):
    need(isinstance(obj, dict) and name in obj, f"missing member {name!r}")
    v = obj[name]
    ok = isinstance(v, kind) and not (kind is int and isinstance(v, bool))
    need(ok and (kind is not int or v >= 0), f"member {name!r} is not a {'non-negative integer' if kind is int else kind.__name__}")
    return v


def inclusion(proof, name):
    """An inclusion object: (index, tree_size, entry bytes, root its path proves)."""
    obj = member(proof, name, dict)
    index, size = member(obj, "index", int), member(obj, "tree_size", int)
    entry = b64(member(obj, "entry", str), f"{name}.entry")
    path = [hex_hash(h, f"a hash of {name}.path") for h in member(obj, "path", list)]
    try:
        return index, size, entry, inclusion_root(index, size, leaf_hash(entry), path)
    except Bad as e:
        raise Bad(f"{name}: {e}") from None


def check_consistency(proof, key, origin, size, root):
    """consistency.from (a checkpoint note) and the path from it to (size, root)."""
    c = member(proof, "consistency", dict)
    f_origin, f_size, f_root, _ = read_checkpoint(member(c, "from", str), key, "consistency.from")
    need(f_origin == origin, "consistency.from is of another log")
    path = [hex_hash(h, "a hash of consistency.path") for h in member(c, "path", list)]
    try:
        verify_consistency(f_size, size, f_root, root, path)
    except Bad as e:
        raise Bad(f"consistency: {e}") from None
    return f_size, f_root


def verify(proof, key, trusted):
    need(isinstance(proof, dict) and proof.get("format") == "receipts-proof-v1", "format is not receipts-proof-v1")
    kind = proof.get("type")
    need(kind in ("claim", "consistency"), f"unknown type {kind!r}")
    # Step 1: the checkpoint, signed by the key; size S, root R.
    origin, S, R, kh = read_checkpoint(member(proof, "checkpoint", str), key, "checkpoint")
    out = [f"checkpoint of {origin}: {S} leaves, root {base64.b64encode(R).decode()}, signed by key {kh}"]
    extended = None
    if "consistency" in proof or kind == "consistency":
        extended = check_consistency(proof, key, origin, S, R)
        out.append(f"the log of {S} leaves extends the checkpoint of {extended[0]} leaves")
    if kind == "claim":
        out = claim(proof, S, R) + out
    if trusted is not None:
        # Step 6: the trusted checkpoint is the proof's, or the consistency proof extends it.
        t_origin, t_size, t_root = trusted
        need(t_origin == origin, f"the trusted checkpoint is of another log ({t_origin})")
        need((t_size, t_root) in ((S, R), extended), f"nothing proves the log extends the trusted checkpoint of {t_size} leaves")
        out.append(f"extends the trusted checkpoint of {t_size} leaves")
    return out


def claim(proof, S, R):
    key = member(proof, "claim_key", str)
    # Step 2: the claim entry (19 netstrings: seq, claim_key, ...) and the claims root C.
    ci, csize, centry, C = inclusion(proof, "claim")
    f = netstrings(centry, "claim.entry")
    need(len(f) == 19, f"claim.entry has {len(f)} netstrings, not 19")
    need(f[1] == key.encode(), "claim.entry is not of claim_key")
    need(f[0] == str(ci + 1).encode(), f"claim.entry's seq is not claim.index + 1 = {ci + 1}")
    # Step 3: the snapshot entry commits to C and to the claim count.
    si, ssize, sentry, snap_root = inclusion(proof, "snapshot")
    g = netstrings(sentry, "snapshot.entry")
    need(len(g) >= 8 and g[0] == b"receipts-snapshot-v1", "snapshot.entry is not a receipts-snapshot-v1 entry")
    need(len(g) == 8 + decimal(g[4], "the page count"), "snapshot.entry's page count does not match its pages")
    need(g[-1] == C.hex().encode(), "the claim's path does not give the snapshot's claims root")
    need(g[-3] == str(csize).encode(), "claim.tree_size is not the snapshot's claim count")
    # Step 4: the snapshot leaf is in the checkpoint's log.
    need(ssize == S, f"snapshot.tree_size {ssize} is not the checkpoint's size {S}")
    need(snap_root == R, "the snapshot leaf's path does not give the checkpoint's root")
    out = [f"claim {key} is claim {ci + 1} of {csize} in the {text(g[1])} snapshot as of {text(g[2])} "
           f"(source {text(g[3])}, ${text(g[-2])} claimed), log leaf {si} of {S}"]
    # Step 5: the verdict, in its run's verdicts tree V; the run leaf in the log.
    need(("verdict" in proof) == ("run" in proof), "a verdict without its run, or a run without its verdict")
    if "verdict" in proof:
        _, vsize, ventry, V = inclusion(proof, "verdict")
        v = netstrings(ventry, "verdict.entry")
        need(len(v) == 5, f"verdict.entry has {len(v)} netstrings, not 5")
        need(v[0] == f[0], "verdict.entry is not of the claim's seq")
        ri, rsize, rentry, run_root = inclusion(proof, "run")
        r = netstrings(rentry, "run.entry")
        need(len(r) >= 8 and r[0] == b"receipts-verification-run-v1", "run.entry is not a receipts-verification-run-v1 entry")
        need(len(r) == 8 + 2 * decimal(r[5], "the record file count"), "run.entry's record file count does not match")
        need(r[1] == str(si).encode(), "the run is not of the snapshot's leaf")
        need(r[2] == C.hex().encode(), "the run is not of the snapshot's claims root")
        need(r[-2] == str(vsize).encode(), "verdict.tree_size is not the run's verdict count")
        need(r[-1] == V.hex().encode(), "the verdict's path does not give the run's verdicts root")
        need(rsize == S, f"run.tree_size {rsize} is not the checkpoint's size {S}")
        need(run_root == R, "the run leaf's path does not give the checkpoint's root")
        saved = f"verified ${text(v[3])}" if v[3] else "nothing verified"
        out.append(f"verdict {text(v[1])}: award {text(v[2]) or '(none)'}, {saved}, records as of {text(r[4])}, log leaf {ri}")
    return out


# ---------------------------------------------------------------- self-test
def self_test():
    results = []

    def check(name, fn):
        try:
            ok = bool(fn())
        except Bad:
            ok = False
        results.append(ok)
        print(("pass: " if ok else "FAIL: ") + name)

    def fails(fn):
        try:
            return not fn()
        except Bad:
            return True

    pub = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    sig = bytes.fromhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    check("RFC 8032 7.1 TEST 1 verifies", lambda: ed25519_verify(pub, b"", sig))
    check("RFC 8032 7.1 TEST 1 with a bit flipped fails", lambda: not ed25519_verify(pub, b"", sig[:10] + bytes([sig[10] ^ 1]) + sig[11:]))
    check("a signature with S + L fails", lambda: not ed25519_verify(pub, b"", sig[:32] + (int.from_bytes(sig[32:], "little") + L).to_bytes(32, "little")))
    leaves = [bytes.fromhex(h) for h in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")]
    h = bytes.fromhex
    root8 = h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    root6 = h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")
    check("Merkle root of 8 leaves", lambda: tree_root(leaves) == root8)
    check("Merkle root of 1 leaf", lambda: tree_root(leaves[:1]) == h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"))
    check("Merkle root of 3 leaves", lambda: tree_root(leaves[:3]) == h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"))
    check("Merkle root of 6 leaves", lambda: tree_root(leaves[:6]) == root6)
    cons = [h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    incl = [h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")] + cons[1:]
    check("consistency 6 -> 8", lambda: verify_consistency(6, 8, root6, root8, cons) is None)
    check("consistency 6 -> 8 with a hash changed fails", lambda: fails(lambda: verify_consistency(6, 8, root6, root8, [cons[1]] + cons[1:])))
    check("consistency 6 -> 8 with a hash missing fails", lambda: fails(lambda: verify_consistency(6, 8, root6, root8, cons[:2])))
    check("inclusion of leaf 5 in 8", lambda: inclusion_root(5, 8, leaf_hash(leaves[5]), incl) == root8)
    check("inclusion of leaf 5 as leaf 4 fails", lambda: fails(lambda: inclusion_root(4, 8, leaf_hash(leaves[5]), incl) == root8))
    check("inclusion with a hash extra fails", lambda: fails(lambda: inclusion_root(5, 8, leaf_hash(leaves[5]), incl + incl[:1]) == root8))
    note = ("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n"
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
    vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    check("Go sumdb/note verifier key and its key hash", lambda: key_hash(*parse_verifier_key(vkey)).hex() == "c74f20a3")
    check("Go sumdb/note example verifies", lambda: open_note(note, *parse_verifier_key(vkey)).startswith("If you think"))
    check("Go sumdb/note example with a letter changed fails", lambda: fails(lambda: open_note(note.replace("answer", "Answer"), *parse_verifier_key(vkey))))
    check("netstrings parse exactly", lambda: netstrings(b"0:,3:a,b,", "t") == [b"", b"a,b"]
          and fails(lambda: netstrings(b"3:abc,x", "t")) and fails(lambda: netstrings(b"03:abc,", "t")))
    check("base64 must be canonical", lambda: fails(lambda: b64("QR==", "t")) and fails(lambda: b64("QQ", "t")) and b64("QQ==", "t") == b"A")
    return 0 if all(results) else 1


def main():
    ap = argparse.ArgumentParser(description="Verify a receipts proof file without the ledger.")
    ap.add_argument("proof", nargs="?", help="the proof file (JSON) written by `receipts prove`")
    ap.add_argument("--pubkey", help="a file of 64 hex digits (KEYFILE.pub) or a verifier key NAME+HASH+BASE64")
    ap.add_argument("--checkpoint", help="a signed checkpoint the reader trusts")
    ap.add_argument("--self-test", action="store_true", help="check the RFC 8032, RFC 9162 and sumdb/note vectors")
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    if not a.proof or not a.pubkey:
        ap.error("give PROOF.json and --pubkey KEY (or --self-test)")
    try:
        key = load_key(a.pubkey)
        with open(a.proof, "rb") as f:
            raw = f.read()
        trusted_text = None
        if a.checkpoint:
            with open(a.checkpoint, "rb") as f:
                trusted_text = f.read().decode("utf-8")
    except (OSError, UnicodeDecodeError, Bad) as e:
        print(f"verify_proof.py: {e}", file=sys.stderr)
        return 2
    try:
        trusted = None
        if trusted_text is not None:
            trusted = read_checkpoint(trusted_text, key, f"the trusted checkpoint {a.checkpoint}")[:3]
        try:
            proof = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates, parse_constant=no_constant)
        except (UnicodeDecodeError, ValueError) as e:
            raise Bad(f"not a JSON file: {e}") from None
        lines = verify(proof, key, trusted)
    except Bad as e:
        print(f"BAD: {a.proof}: proof rejected: {e}", file=sys.stderr)
        return 3
    for line in lines:
        print("ok: " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
