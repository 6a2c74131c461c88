"""Schema migrations, numbered; ``PRAGMA user_version`` records the last one applied."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the initial schema.
    """
    CREATE TABLE event (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        uid TEXT NOT NULL,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL,
        venue TEXT NOT NULL DEFAULT '',
        demo INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE checkin_list (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        day TEXT,
        policy TEXT NOT NULL CHECK (policy IN ('once', 'once_per_day', 'multiple')),
        tracks_presence INTEGER NOT NULL DEFAULT 0,
        opens_at TEXT,
        closes_at TEXT,
        categories TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE kiosk (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        local INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX kiosk_local_name ON kiosk(name) WHERE local = 1;
    CREATE TABLE attendee (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        code_upper TEXT NOT NULL,
        external_id TEXT,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        days TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT 'import',
        source TEXT NOT NULL DEFAULT '',
        raw TEXT NOT NULL DEFAULT '{}',
        sort_key TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX attendee_code_upper ON attendee(code_upper);
    CREATE UNIQUE INDEX attendee_external_id ON attendee(external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX attendee_email ON attendee(email) WHERE email != '';
    CREATE INDEX attendee_sort ON attendee(sort_key);
    -- Search index: one row per distinct folded word and field, holding the ids of the people
    -- whose name (field 0), organisation (1) or e-mail (2) has that word, as packed int32s.
    CREATE TABLE search_term (
        term TEXT NOT NULL,
        field INTEGER NOT NULL,
        ids BLOB NOT NULL,
        PRIMARY KEY (term, field)
    ) WITHOUT ROWID;

    -- The scan log: one row per scan attempt, admitted or refused. Append-only.
    CREATE TABLE scan (
        scan_id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        kiosk_seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        hlc TEXT NOT NULL,
        list_id INTEGER NOT NULL,
        attendee_uid TEXT,
        raw_code TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'void', 'badge_printed')),
        ref_scan_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
        reason TEXT NOT NULL,
        hint TEXT,
        manual INTEGER NOT NULL DEFAULT 0,
        operator TEXT NOT NULL DEFAULT '',
        UNIQUE (kiosk_id, kiosk_seq)
    );
    CREATE INDEX scan_attendee_list ON scan(attendee_uid, list_id);
    CREATE INDEX scan_list_at ON scan(list_id, at);
    CREATE INDEX scan_at ON scan(at);
    CREATE INDEX scan_hlc ON scan(hlc);
    CREATE INDEX scan_void_ref ON scan(ref_scan_id) WHERE ref_scan_id IS NOT NULL;
    CREATE TRIGGER scan_is_append_only_update BEFORE UPDATE ON scan
        BEGIN SELECT RAISE(ABORT, 'the scan log is append-only'); END;
    CREATE TRIGGER scan_is_append_only_delete BEFORE DELETE ON scan
        BEGIN SELECT RAISE(ABORT, 'the scan log is append-only'); END;

    -- Scans that count: accepted entries and exits that no void cancels.
    CREATE VIEW effective_scan AS
        SELECT s.* FROM scan s
        WHERE s.outcome = 'accepted' AND s.kind IN ('entry', 'exit')
          AND NOT EXISTS (
              SELECT 1 FROM scan v WHERE v.ref_scan_id = s.scan_id AND v.kind = 'void'
          );

    CREATE TABLE import_run (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        summary TEXT NOT NULL
    );
    """,
    # 2: every index on scan is one more B-tree page written and fsynced per check-in. scan(at)
    # only sped up reports, which read the whole day anyway.
    """
    DROP INDEX IF EXISTS scan_at;
    """,
    # 3: likewise scan(list_id, at): counts and registers scan the log off the check-in path
    # (the desk counts in a reader thread); check-ins use scan(attendee_uid, list_id).
    """
    DROP INDEX IF EXISTS scan_list_at;
    """,
    # 4: the durable print queue and per-kiosk settings (auto-print policy, printer, template).
    # A job is due when next_attempt_at is set and has passed; it is set only on queued jobs and
    # on failed jobs that will be retried (NULL on printing, done, cancelled and given-up jobs),
    # so the partial index holds exactly the jobs a kiosk may claim. Printed badges are recorded
    # in the scan log (kind badge_printed), which is what other kiosks see after a sync.
    """
    CREATE TABLE print_job (
        id INTEGER PRIMARY KEY,
        job_uid TEXT NOT NULL UNIQUE,
        kiosk_id TEXT NOT NULL,
        attendee_uid TEXT NOT NULL,
        scan_id TEXT,
        list_id INTEGER NOT NULL,
        template TEXT NOT NULL,
        printer_uri TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        fault TEXT,
        message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        next_attempt_at TEXT,
        reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1)),
        CHECK (next_attempt_at IS NULL OR state IN ('queued', 'failed'))
    );
    CREATE INDEX print_job_due ON print_job(kiosk_id, next_attempt_at)
        WHERE next_attempt_at IS NOT NULL;
    CREATE INDEX print_job_attendee ON print_job(attendee_uid, created_at);
    CREATE INDEX print_job_kiosk_state ON print_job(kiosk_id, state);
    CREATE TABLE kiosk_setting (
        kiosk_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, key)
    ) WITHOUT ROWID;
    """,
    # 5: attendee(email) and attendee(sort_key) served no query (imports match e-mails in
    # memory; reports sort the rows they read) but every import and walk-in paid for them.
    """
    DROP INDEX IF EXISTS attendee_email;
    DROP INDEX IF EXISTS attendee_sort;
    """,
    # 6: the scan log keyed by (kiosk_id, kiosk_seq), WITHOUT ROWID. A check-in used to write
    # five B-trees (the table, the scan_id and (kiosk_id, kiosk_seq) unique indexes, the
    # attendee and the hlc indexes) and fsync them; now it writes three: the table itself is the
    # per-kiosk sequence index, and a kiosk's own scans are appended at the end of its key range.
    # scan(hlc) served only max(hlc) for the clock, which is now read per kiosk off the key
    # (a kiosk's clock only goes forward, so its newest scan holds its highest hlc).
    """
    DROP VIEW effective_scan;
    DROP TRIGGER scan_is_append_only_update;
    DROP TRIGGER scan_is_append_only_delete;
    CREATE TABLE scan_v6 (
        kiosk_id TEXT NOT NULL,
        kiosk_seq INTEGER NOT NULL,
        scan_id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        hlc TEXT NOT NULL,
        list_id INTEGER NOT NULL,
        attendee_uid TEXT,
        raw_code TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'void', 'badge_printed')),
        ref_scan_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
        reason TEXT NOT NULL,
        hint TEXT,
        manual INTEGER NOT NULL DEFAULT 0,
        operator TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kiosk_id, kiosk_seq)
    ) WITHOUT ROWID;
    INSERT INTO scan_v6 (kiosk_id, kiosk_seq, scan_id, at, hlc, list_id, attendee_uid, raw_code,
                         kind, ref_scan_id, outcome, reason, hint, manual, operator)
        SELECT kiosk_id, kiosk_seq, scan_id, at, hlc, list_id, attendee_uid, raw_code,
               kind, ref_scan_id, outcome, reason, hint, manual, operator FROM scan;
    DROP TABLE scan;
    ALTER TABLE scan_v6 RENAME TO scan;
    CREATE INDEX scan_attendee_list ON scan(attendee_uid, list_id);
    CREATE INDEX scan_void_ref ON scan(ref_scan_id) WHERE ref_scan_id IS NOT NULL;
    CREATE TRIGGER scan_is_append_only_update BEFORE UPDATE ON scan
        BEGIN SELECT RAISE(ABORT, 'the scan log is append-only'); END;
    CREATE TRIGGER scan_is_append_only_delete BEFORE DELETE ON scan
        BEGIN SELECT RAISE(ABORT, 'the scan log is append-only'); END;
    CREATE VIEW effective_scan AS
        SELECT s.* FROM scan s
        WHERE s.outcome = 'accepted' AND s.kind IN ('entry', 'exit')
          AND NOT EXISTS (
              SELECT 1 FROM scan v WHERE v.ref_scan_id = s.scan_id AND v.kind = 'void'
          );
    """,
    # 7: sync between kiosks (kiosk.sync). kiosk.home fingerprints the machine and file a local
    # kiosk identity belongs to: organisers copy one prepared event file to every laptop, and a
    # copy must not keep writing under the original's kiosk id and sequence (see
    # kiosk.storage.identity). sync_state holds per-target cursors (a hub's pull positions, the
    # last sync). hlc_clock is the hybrid logical clock after merging other kiosks' scans
    # (hlc.receive), so the next local scan is ordered after everything this kiosk has seen.
    """
    ALTER TABLE kiosk ADD COLUMN home TEXT NOT NULL DEFAULT '';
    CREATE TABLE sync_state (
        target TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (target, key)
    ) WITHOUT ROWID;
    CREATE TABLE hlc_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hlc TEXT NOT NULL
    );
    """,
    # 8: online attendance (hybrid events): one row per join/leave session imported from a Zoom
    # or Teams participant report. The unique key makes re-importing a report a no-op.
    # attendee_uid is NULL while the person is not matched to a registrant; ignored = 1 once the
    # organizer decided the row is nobody to count (the organizer, a test login...). Times are
    # UTC like the scan log; day is the event-local date the report was imported for.
    """
    CREATE TABLE online_session (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('zoom', 'teams')),
        meeting TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        joined_at TEXT NOT NULL,
        left_at TEXT,
        seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
        attendee_uid TEXT,
        matched_by TEXT NOT NULL DEFAULT ''
            CHECK (matched_by IN ('', 'email', 'name', 'organizer')),
        ignored INTEGER NOT NULL DEFAULT 0 CHECK (ignored IN (0, 1)),
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (day, platform, name, email, joined_at)
    );
    CREATE INDEX online_session_attendee ON online_session(attendee_uid, day);
    """,
    # 9: the SHA-256 of every report file written (so a changed file can be recognised later,
    # also after a purge), and what each purge removed with the anonymous counts it kept.
    """
    CREATE TABLE export_record (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        content_sha256 TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE purge_record (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        counts TEXT NOT NULL,
        removed TEXT NOT NULL
    );
    """,
    # 10: signed tickets. The public keys this kiosk trusts (several at once while keys rotate;
    # private keys never enter the database), the newest signed revocation list it has (its
    # serial, so an older list cannot replace it, and the file as imported, for audits), and
    # the attendees that list revokes. A person admitted by signature is an attendee with
    # origin 'signed_ticket' and their first scan carries the hint 'signed_ticket'.
    """
    CREATE TABLE signing_key (
        public_key BLOB PRIMARY KEY,
        key_id INTEGER NOT NULL,
        event_uid TEXT NOT NULL,
        event_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE revocation_list (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        serial INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        key_id INTEGER NOT NULL,
        document TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE revoked_ticket (
        attendee_uid TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    """,
    # 11: B2B meetings (kiosk.core.meetings). A meeting's uid is derived from the event and the
    # meeting's identity in the imported file, so the same file imported at two kiosks makes the
    # same meetings and re-importing changes nothing. A side's *_uid is NULL while that side is
    # not matched to an attendee. Held marks are append-only and merged by union: the newest
    # mark of a meeting decides (so "not held" can take a mistaken "held" back). meeting_alias
    # keeps the organiser's resolutions of unmatched sides across re-imports.
    """
    CREATE TABLE meeting (
        uid TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL
            CHECK (status IN ('planned', 'pending', 'cancelled', 'declined')),
        a_uid TEXT,
        a_name TEXT NOT NULL DEFAULT '',
        a_org TEXT NOT NULL DEFAULT '',
        a_email TEXT NOT NULL DEFAULT '',
        a_country TEXT NOT NULL DEFAULT '',
        a_matched_by TEXT NOT NULL DEFAULT '',
        b_uid TEXT,
        b_name TEXT NOT NULL DEFAULT '',
        b_org TEXT NOT NULL DEFAULT '',
        b_email TEXT NOT NULL DEFAULT '',
        b_country TEXT NOT NULL DEFAULT '',
        b_matched_by TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        source_row INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX meeting_day ON meeting(day, start);
    CREATE INDEX meeting_a ON meeting(a_uid, day) WHERE a_uid IS NOT NULL;
    CREATE INDEX meeting_b ON meeting(b_uid, day) WHERE b_uid IS NOT NULL;
    CREATE TABLE meeting_mark (
        mark_id TEXT PRIMARY KEY,
        meeting_uid TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('held', 'not_held')),
        at TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('command', 'board', 'scan')),
        operator TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX meeting_mark_meeting ON meeting_mark(meeting_uid, at);
    CREATE TRIGGER meeting_mark_is_append_only_update BEFORE UPDATE ON meeting_mark
        BEGIN SELECT RAISE(ABORT, 'meeting marks are append-only'); END;
    CREATE TABLE meeting_alias (
        side_key TEXT PRIMARY KEY,
        attendee_uid TEXT NOT NULL,
        at TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 12: online attendance from Google Meet too ('meet'), and host/organizer sessions that match
    # no registrant kept apart ('host': listed, never counted, nothing to resolve). SQLite
    # cannot change a CHECK constraint, so the table is rebuilt with its rows.
    """
    CREATE TABLE online_session_new (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('zoom', 'teams', 'meet')),
        meeting TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        joined_at TEXT NOT NULL,
        left_at TEXT,
        seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
        attendee_uid TEXT,
        matched_by TEXT NOT NULL DEFAULT ''
            CHECK (matched_by IN ('', 'email', 'name', 'organizer', 'host')),
        ignored INTEGER NOT NULL DEFAULT 0 CHECK (ignored IN (0, 1)),
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (day, platform, name, email, joined_at)
    );
    INSERT INTO online_session_new SELECT * FROM online_session;
    DROP TABLE online_session;
    ALTER TABLE online_session_new RENAME TO online_session;
    CREATE INDEX online_session_attendee ON online_session(attendee_uid, day);
    """,
    # 13: which version of the search index's words and keys the file holds
    # (kiosk.storage.attendees.SEARCH_INDEX_VERSION); an older index is rebuilt on opening.
    """
    CREATE TABLE search_index (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    );
    """,
    # 14: check-in rules a desk needs. scan.method says how a check-in was made (scanned,
    # camera, typed, picked from a search, self-service name pick, walk-in, back-dated,
    # forced; '' for scans made before it was recorded); scan.note the reason staff gave for a
    # forced admission. attendee: a note and an attention flag shown at check-in, pending
    # (registration not paid yet) and blocked (one lost ticket, 'kiosk keys block'), all
    # travelling with the roster. checkin_list: re-entry after an exit (pretix's default) and
    # the rule for pending registrations; lists made with 'kiosk lists add' travel between
    # kiosks, so each carries when it last changed and whether it was removed.
    # attendee_edit logs corrections made at a desk (name, organisation, category, note).
    """
    ALTER TABLE scan ADD COLUMN method TEXT NOT NULL DEFAULT '';
    ALTER TABLE scan ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE attendee ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE attendee ADD COLUMN attention INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE attendee ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE attendee ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checkin_list ADD COLUMN allow_reentry INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE checkin_list ADD COLUMN admit_pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checkin_list ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE checkin_list ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE attendee_edit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        attendee_uid TEXT NOT NULL,
        field TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT ''
    );
    """,
    # 15: when a ticket was last blocked or unblocked. A block is merged on its own, by this
    # time, not with the rest of the person's row: a kiosk that corrected a name before it
    # heard of the block must not lift the block when its newer row arrives (kiosk.storage.
    # replica.merge_roster).
    """
    ALTER TABLE attendee ADD COLUMN blocked_at TEXT NOT NULL DEFAULT '';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
