#!/usr/bin/env python3
"""Build examples/wire-feed.warc.gz, the WARC part of the sample corpus.

The archive holds one warcinfo record and one `response` record per file in
scripts/sample-warc-src/ (read in name order). Each record is its own gzip
member, as crawlers write them. Everything is fixed (record IDs, dates, gzip
mtime), so two runs give the same bytes.

    python3 scripts/make_sample_warc.py            # (re)write examples/wire-feed.warc.gz
    python3 scripts/make_sample_warc.py --check    # exit 1 if the committed file is stale
    python3 scripts/make_sample_warc.py --out X    # write somewhere else

--check rebuilds the archive in memory and compares it with the file on disk.
It fails (exit 1) when any record differs. If only the compressed bytes differ
(another zlib build, e.g. zlib-ng, can deflate the same input differently) it
says so and still passes, because the records are identical.

Python 3 standard library only.
"""

import argparse
import base64
import gzip
import hashlib
import os
import sys
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC_DIR = os.path.join(HERE, "sample-warc-src")
DEFAULT_OUT = os.path.join(ROOT, "examples", "wire-feed.warc.gz")
WARC_FILENAME = "wire-feed.warc.gz"

# Fixed namespace: record IDs are uuid5(NAMESPACE, name), stable across runs.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://dossier.example/sample-corpus/wire-feed")

WARCINFO_DATE = "2025-10-29T06:00:00Z"

# One entry per payload file: where and when it was "captured".
# Addresses use the reserved .example domain and the TEST-NET-1 range.
CAPTURES = {
    "01-cpa-flash-talks-open.txt": {
        "uri": "https://wire.cpa-news.example/feeds/eurasia/2025-10-28/BC-VARNIA-KESH-TALKS.txt",
        "warc_date": "2025-10-28T09:12:41Z",
        "http_date": "Tue, 28 Oct 2025 09:12:41 GMT",
        "content_type": "text/plain; charset=utf-8",
        "server": "nginx",
        "ip": "192.0.2.10",
    },
    "02-cpa-talks-resume.html": {
        "uri": "https://www.cpa-news.example/world/varnia-kesh-selka-monitoring-commission-2025-10-28",
        "warc_date": "2025-10-28T18:31:05Z",
        "http_date": "Tue, 28 Oct 2025 18:31:05 GMT",
        "content_type": "text/html; charset=utf-8",
        "server": "nginx",
        "ip": "192.0.2.11",
    },
    "03-ktv-world-commission.html": {
        "uri": "https://ktvworld.example/news/628114-lindhaven-selka-commission/",
        "warc_date": "2025-10-28T18:55:19Z",
        "http_date": "Tue, 28 Oct 2025 18:55:19 GMT",
        "content_type": "text/html; charset=utf-8",
        "server": "Apache",
        "ip": "192.0.2.20",
    },
}


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NAMESPACE, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(headers, block):
    """headers: list of (name, value) without Content-Length; returns the record bytes."""
    lines = ["WARC/1.1"]
    lines += ["%s: %s" % (k, v) for k, v in headers]
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + block + b"\r\n\r\n"


def gzip_member(data):
    # mtime=0 and no file name in the header: the member depends on data only.
    return gzip.compress(data, compresslevel=9, mtime=0)


def build_records():
    """Returns the list of uncompressed records, in archive order."""
    info_id = record_id("warcinfo")
    info_fields = [
        ("software", "dossier scripts/make_sample_warc.py"),
        ("format", "WARC File Format 1.1"),
        ("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
        ("isPartOf", "dossier-sample-corpus"),
        ("description", "Invented coverage of the Selka talks (Varnia, Kesh Federation, Estmark "
                        "mediation), 28 October 2025. Written for the dossier project; "
                        "every outlet, person and place is fictional."),
        ("robots", "ignore"),
    ]
    info_body = "".join("%s: %s\r\n" % kv for kv in info_fields).encode("utf-8")
    records = [warc_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", info_id),
        ("WARC-Date", WARCINFO_DATE),
        ("WARC-Filename", WARC_FILENAME),
        ("Content-Type", "application/warc-fields"),
    ], info_body)]

    names = sorted(n for n in os.listdir(SRC_DIR) if n.endswith((".html", ".txt")))
    missing = sorted(set(CAPTURES) - set(names))
    unknown = sorted(set(names) - set(CAPTURES))
    if missing or unknown:
        sys.exit("make_sample_warc: sources and CAPTURES disagree (missing %s, unknown %s)"
                 % (missing, unknown))

    for name in names:
        cap = CAPTURES[name]
        with open(os.path.join(SRC_DIR, name), "rb") as f:
            payload = f.read()
        payload.decode("utf-8")  # the headers promise UTF-8: fail loudly if not
        http_head = (
            "HTTP/1.1 200 OK\r\n"
            "Date: %s\r\n"
            "Server: %s\r\n"
            "Content-Type: %s\r\n"
            "Content-Length: %d\r\n"
            "Cache-Control: max-age=60\r\n"
            "Connection: close\r\n"
            "\r\n" % (cap["http_date"], cap["server"], cap["content_type"], len(payload))
        ).encode("ascii")
        block = http_head + payload
        records.append(warc_record([
            ("WARC-Type", "response"),
            ("WARC-Record-ID", record_id("response/" + name)),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Date", cap["warc_date"]),
            ("WARC-Target-URI", cap["uri"]),
            ("WARC-IP-Address", cap["ip"]),
            ("WARC-Block-Digest", sha1_b32(block)),
            ("WARC-Payload-Digest", sha1_b32(payload)),
            ("Content-Type", "application/http; msgtype=response"),
        ], block))
    return records


def build():
    records = build_records()
    return records, b"".join(gzip_member(r) for r in records)


def split_members(data):
    """Decompresses a multi-member gzip file member by member."""
    members = []
    while data:
        d = zlib.decompressobj(wbits=31)
        out = d.decompress(data) + d.flush()
        if not d.eof:
            raise ValueError("truncated gzip member")
        members.append(out)
        data = d.unused_data
    return members


def validate(members):
    """Checks each member is exactly one well-formed WARC record. Raises on error."""
    types = []
    for i, m in enumerate(members):
        head, sep, rest = m.partition(b"\r\n\r\n")
        if not sep or not head.startswith(b"WARC/1.1\r\n"):
            raise ValueError("member %d: no WARC/1.1 header block" % i)
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            k, _, v = line.decode("utf-8").partition(":")
            fields[k.strip().lower()] = v.strip()
        n = int(fields["content-length"])
        if len(rest) != n + 4 or rest[n:] != b"\r\n\r\n":
            raise ValueError("member %d: Content-Length %d does not match the block (%d bytes + trailer)"
                             % (i, n, len(rest) - 4))
        block = rest[:n]
        if "warc-block-digest" in fields and fields["warc-block-digest"] != sha1_b32(block):
            raise ValueError("member %d: WARC-Block-Digest mismatch" % i)
        if fields["warc-type"] == "response":
            hhead, hsep, payload = block.partition(b"\r\n\r\n")
            if not hsep or not hhead.startswith(b"HTTP/1.1 200 "):
                raise ValueError("member %d: no HTTP/1.1 200 header" % i)
            hfields = {}
            for line in hhead.split(b"\r\n")[1:]:
                k, _, v = line.decode("ascii").partition(":")
                hfields[k.strip().lower()] = v.strip()
            if int(hfields["content-length"]) != len(payload):
                raise ValueError("member %d: HTTP Content-Length mismatch" % i)
            if fields["warc-payload-digest"] != sha1_b32(payload):
                raise ValueError("member %d: WARC-Payload-Digest mismatch" % i)
        types.append(fields["warc-type"])
    if not types or types[0] != "warcinfo" or types.count("response") < 3:
        raise ValueError("expected warcinfo then 3+ response records, got %s" % types)
    return types


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="rebuild in memory and exit 1 if the file on disk differs")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output path (default: %(default)s)")
    args = ap.parse_args()

    records, data = build()
    types = validate(split_members(data))

    if args.check:
        try:
            with open(args.out, "rb") as f:
                on_disk = f.read()
        except OSError as e:
            print("make_sample_warc: %s: %s" % (args.out, e.strerror), file=sys.stderr)
            return 1
        if on_disk == data:
            print("%s: up to date (%d records)" % (args.out, len(records)))
            return 0
        try:
            disk_records = split_members(on_disk)
        except (ValueError, zlib.error) as e:
            print("make_sample_warc: %s: not a valid gzip file (%s)" % (args.out, e), file=sys.stderr)
            return 1
        if disk_records == records:
            print("%s: records up to date; compressed bytes differ (different zlib build)" % args.out)
            return 0
        print("make_sample_warc: %s is stale: rerun python3 scripts/make_sample_warc.py" % args.out,
              file=sys.stderr)
        return 1

    with open(args.out, "wb") as f:
        f.write(data)
    print("wrote %s: %d bytes, %d gzip members (%s)" % (args.out, len(data), len(records), ", ".join(types)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
