"""An independent SQLCipher 4 client, run by tests/integration/test_independent_client.py with the
python of a separate venv that has only PyPI's `sqlcipher3-wheels` (module `sqlcipher3`).

It must not import anything of Barnahus: it uses the standard library and that module only, and
runs with `python -I` (no PYTHONPATH, no user site, not even its own folder on sys.path).

argv[1]: JSON {"path": record file, "attempts": [{"label", "key"}], "person_id": int}
  "key" is the text after `PRAGMA key = ` (e.g. "x'<hex>'" or a quoted passphrase), or null for
  no key at all. An attempt with "dump": true also returns every row of every table ("dump":
  {table: [repr of each row]}); with "export_to": a new file name, the whole database is also
  exported there as a plain SQLite file (sqlcipher_export), for the caller to search its bytes.
stdout: JSON with the client's identity and, per attempt, what it could read or the error.
"""
import json
import sys

import sqlcipher3


def dump(conn):
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: [repr(row) for row in conn.execute('SELECT * FROM "' + t.replace('"', '""') + '"')]
            for t in tables}


def export(conn, target):
    conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (target,))
    conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
    conn.execute("DETACH DATABASE plaintext")


def attempt(path, key, person_id, a=None):
    a = a or {}
    conn = sqlcipher3.connect("file:" + path + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute("PRAGMA key = " + key)
        users = [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]
        person = conn.execute("SELECT given_name, family_name FROM persons WHERE id = ?",
                              (person_id,)).fetchone()
        more = {}
        if a.get("dump"):
            more["dump"] = dump(conn)
        if a.get("export_to"):
            export(conn, a["export_to"])
        return {
            **more,
            "ok": True,
            "users": users,
            "person": list(person) if person else None,
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "cipher_integrity_check": [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")],
            "integrity_check": [r[0] for r in conn.execute("PRAGMA integrity_check")],
        }
    except sqlcipher3.DatabaseError as e:
        return {"ok": False, "error": str(e)}
    finally:
        conn.close()


def main():
    req = json.loads(sys.argv[1])
    probe = sqlcipher3.connect(":memory:")
    out = {
        "module_file": sqlcipher3.__file__,
        "cipher_version": probe.execute("PRAGMA cipher_version").fetchone()[0],
        "sqlite_version": sqlcipher3.sqlite_version,
        "barnahus_loaded": sorted(m for m in sys.modules if m.startswith("barnahus")),
        "sys_path": sys.path,
        "attempts": {a["label"]: attempt(req["path"], a["key"], req["person_id"], a)
                     for a in req["attempts"]},
    }
    probe.close()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
