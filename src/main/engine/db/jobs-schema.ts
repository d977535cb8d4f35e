// Migration 14: durable jobs (jobs/). Every long piece of work is a row. An unfinished row
// (queued or running) is leased to one process (owner_pid/host/token), renewed through
// heartbeat_at; a row whose owner died is taken over and resumed by another engine.
// lock_key: at most one live row per key (an export's output folder). Times are epoch ms.
export const JOBS_SCHEMA = `
      CREATE TABLE jobs (
        id                INTEGER PRIMARY KEY,
        name              TEXT NOT NULL,
        args              TEXT NOT NULL DEFAULT '{}',
        lock_key          TEXT,
        state             TEXT NOT NULL DEFAULT 'queued'
                          CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        done              INTEGER NOT NULL DEFAULT 0,
        total             INTEGER NOT NULL DEFAULT 0,
        rate              REAL NOT NULL DEFAULT 0,
        detail            TEXT,
        result            TEXT,
        error             TEXT,
        attempts          INTEGER NOT NULL DEFAULT 0,
        cancel_requested  INTEGER NOT NULL DEFAULT 0,
        created_at        INTEGER NOT NULL,
        started_at        INTEGER,
        finished_at       INTEGER,
        owner_pid         INTEGER,
        owner_host        TEXT,
        owner_token       TEXT,
        heartbeat_at      INTEGER
      );
      CREATE INDEX jobs_live ON jobs (state, name, id) WHERE state IN ('queued', 'running');
      CREATE INDEX jobs_by_owner ON jobs (owner_token, state);
      CREATE INDEX jobs_by_lock ON jobs (lock_key) WHERE lock_key IS NOT NULL;
      CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
    `;
